/** @integrations/openai-embeddings: embeddings as Float32Array, and batching for large inputs. */
export { decodeBase64Floats } from './embeddings/decode-base64-floats.js';
export { planBatches, type EmbedManyOptions, type EmbedManyResult } from './embeddings/embed-many.js';
export { createEmbeddingsService, type EmbeddingsService } from './embeddings/embeddings.js';
export { MAX_INPUTS_PER_REQUEST } from './embeddings/embeddings-limits.js';
// The zod schema is at `./schemas`: it does not load with this entry.
export type { EmbeddingCreateParams } from './embeddings/embeddings-schemas.js';
export type { CreateEmbeddingResponse, Embedding, EmbeddingVector } from './embeddings/embeddings-types.js';
export { embeddingsOperations } from './embeddings/embeddings-operations.js';
export { estimateInputTokens } from './embeddings/estimate-input-tokens.js';
