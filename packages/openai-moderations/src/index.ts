/** @integrations/openai-moderations: moderation of text, arrays and images. */
export { createModerationsService, flaggedCategories, type ModerationsService } from './moderations/moderations.js';
// The zod schema is at `./schemas`: it does not load with this entry.
export type { ModerationCreateParams } from './moderations/moderations-schemas.js';
export type { ModerationCategory, ModerationResponse, ModerationResult } from './moderations/moderations-types.js';
export { moderationsOperations } from './moderations/moderations-operations.js';
