/** The operations of the moderations service, as the official spec names them (see `Operation`). */
import { deferredSchema, defineOperations } from '@integrations/openai-core';
import type { ModerationCreateParams } from './moderations-schemas.js';
import type { ModerationsService } from './moderations.js';

// The schema module (and zod/mini with it) is loaded on the first validation, not on import.
const moderationParamsSchema = deferredSchema(async () => (await import('../schemas.js')).moderationParamsSchema);

/** `POST /moderations`. */
export const moderationsOperations = defineOperations<ModerationsService>()({
  createModeration: {
    operationId: 'createModeration', method: 'POST', path: '/moderations', requestBody: 'json', requestSchema: moderationParamsSchema,
    invoke: (moderations, { body }) => moderations.create(body as ModerationCreateParams),
  },
});
