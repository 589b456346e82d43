/**
 * `POST /moderations` parameters. The schema and the closed `CreateModerationRequest` type are
 * generated from the official spec (../generated/create-moderation.ts, by tooling/codegen); this
 * file gives them the package's names.
 */
import { createModerationRequestSchema, type CreateModerationRequest } from '../generated/create-moderation.js';

/** Text, several texts, or multimodal parts (text and image URLs); `model` defaults to omni-moderation-latest on the server. */
export const moderationParamsSchema = createModerationRequestSchema;

/** The parameters of `create`: closed, so a misspelt field fails to compile. */
export type ModerationCreateParams = CreateModerationRequest;
