/** The operations of the moderations service, as the official spec names them (see `Operation`). */
import { defineOperations } from '@integrations/openai-core';
import { moderationParamsSchema, type ModerationCreateParams } from './moderations-schemas.js';
import type { ModerationsService } from './moderations.js';

/** `POST /moderations`. */
export const moderationsOperations = defineOperations<ModerationsService>()({
  createModeration: {
    operationId: 'createModeration', method: 'POST', path: '/moderations', requestBody: 'json', requestSchema: moderationParamsSchema,
    invoke: (moderations, { body }) => moderations.create(body as ModerationCreateParams),
  },
});
