/** @integrations/openai-moderations: moderation of text, arrays and images. */
export { createModerationsService, flaggedCategories, type ModerationsService } from './moderations/moderations.js';
export { moderationParamsSchema, type ModerationCreateParams } from './moderations/moderations-schemas.js';
export type { ModerationCategory, ModerationResponse, ModerationResult } from './moderations/moderations-types.js';
export { moderationsOperations } from './moderations/moderations-operations.js';
