/**
 * @integrations/openai-batches: batches, a checked and streamed JSONL input builder, `submit`,
 * `waitFor` with progress, and results streamed line by line and typed by endpoint.
 */
export { createBatchesService, type BatchesService } from './batches/batches.js';
// The zod schemas are at `./schemas`: they do not load with this entry.
export type { BatchCreateParams, BatchListParams } from './batches/batches-schemas.js';
export { FINAL_BATCH_STATUSES, type Batch, type BatchEndpoint, type BatchError, type BatchRequestCounts, type BatchStatus } from './batches/batches-types.js';
export { batchesOperations } from './batches/batches-operations.js';
export type { SubmitOptions } from './batches/submit.js';
export type { BatchProgress, BatchWaitOptions } from './batches/wait-for-batch.js';
export { BATCH_LIMITS, batchInput, type BatchInput, type BatchInputOptions, type BatchRequest } from './input/batch-input.js';
export { endpointRequestSchema, type RequestSchema } from './input/endpoint-schemas.js';
export type { BatchRequestBodies, BatchRequestBody, BatchResponseBodies, BatchResponseBody } from './input/endpoint-types.js';
export type { BatchFailure, BatchResult, BatchResultError, BatchSuccess } from './results/batch-result.js';
export { jsonlLines, LineSplitter, type NumberedLine } from './results/jsonl-lines.js';
