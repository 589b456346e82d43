/** The operations of the embeddings service, as the official spec names them (see `Operation`). */
import { deferredSchema, defineOperations } from '@integrations/openai-core';
import type { EmbeddingCreateParams } from './embeddings-schemas.js';
import type { EmbeddingsService } from './embeddings.js';

// The schema module (and zod/mini with it) is loaded on the first validation, not on import.
const embeddingParamsSchema = deferredSchema(async () => (await import('../schemas.js')).embeddingParamsSchema);

/** `POST /embeddings`. */
export const embeddingsOperations = defineOperations<EmbeddingsService>()({
  createEmbedding: {
    operationId: 'createEmbedding', method: 'POST', path: '/embeddings', requestBody: 'json', requestSchema: embeddingParamsSchema,
    invoke: (embeddings, { body }) => embeddings.create(body as EmbeddingCreateParams),
  },
});
