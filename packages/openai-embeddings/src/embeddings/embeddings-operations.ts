/** The operations of the embeddings service, as the official spec names them (see `Operation`). */
import { defineOperations } from '@integrations/openai-core';
import { embeddingParamsSchema, type EmbeddingCreateParams } from './embeddings-schemas.js';
import type { EmbeddingsService } from './embeddings.js';

/** `POST /embeddings`. */
export const embeddingsOperations = defineOperations<EmbeddingsService>()({
  createEmbedding: {
    operationId: 'createEmbedding', method: 'POST', path: '/embeddings', requestBody: 'json', requestSchema: embeddingParamsSchema,
    invoke: (embeddings, { body }) => embeddings.create(body as EmbeddingCreateParams),
  },
});
