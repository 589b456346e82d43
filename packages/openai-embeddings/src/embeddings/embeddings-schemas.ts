/**
 * `POST /embeddings` parameters. The schema and the closed `CreateEmbeddingRequest` type are
 * generated from the official spec (../generated/create-embedding.ts, by tooling/codegen); this
 * file gives them the package's names.
 */
import { createEmbeddingRequestSchema, type CreateEmbeddingRequest } from '../generated/create-embedding.js';

/** Every field of the request, checked before sending; unknown fields pass through at run time. */
export const embeddingParamsSchema = createEmbeddingRequestSchema;

/** The parameters of `create`: closed, so a misspelt field fails to compile. */
export type EmbeddingCreateParams = CreateEmbeddingRequest;
