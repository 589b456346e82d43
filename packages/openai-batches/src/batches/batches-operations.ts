/** The operations of the batches service, as the official spec names them (see `Operation`). */
import { deferredSchema, defineOperations } from '@integrations/openai-core';
import type { BatchCreateParams } from './batches-schemas.js';
import type { BatchesService } from './batches.js';

// The schema module (and zod/mini with it) is loaded on the first validation, not on import.
const batchCreateParamsSchema = deferredSchema(async () => (await import('../schemas.js')).batchCreateParamsSchema);

/** `POST /batches`, `GET /batches`, `GET /batches/{batch_id}`, `POST /batches/{batch_id}/cancel`. */
export const batchesOperations = defineOperations<BatchesService>()({
  createBatch: {
    operationId: 'createBatch', method: 'POST', path: '/batches', requestBody: 'json', requestSchema: batchCreateParamsSchema,
    invoke: (batches, { body }) => batches.create(body as BatchCreateParams),
  },
  listBatches: { operationId: 'listBatches', method: 'GET', path: '/batches', invoke: (batches) => batches.list() },
  retrieveBatch: { operationId: 'retrieveBatch', method: 'GET', path: '/batches/{batch_id}', invoke: (batches, { pathParams }) => batches.retrieve(pathParams.batch_id!) },
  cancelBatch: { operationId: 'cancelBatch', method: 'POST', path: '/batches/{batch_id}/cancel', invoke: (batches, { pathParams }) => batches.cancel(pathParams.batch_id!) },
});
