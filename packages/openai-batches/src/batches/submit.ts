/**
 * `submit`: build the input file (checked before anything is sent), upload it with purpose
 * `batch`, create the batch. If creating fails, the uploaded input is deleted again.
 */
import { deferredSchema, validateParamsAsync, type RequestOptions } from '@integrations/openai-core';
import type { FilesService } from '@integrations/openai-files';
import { batchInput, type BatchRequest } from '../input/batch-input.js';
import type { RequestSchema } from '../input/endpoint-schemas.js';
import type { BatchCreateParams } from './batches-schemas.js';
import type { Batch, BatchEndpoint } from './batches-types.js';

/** How to submit a batch; the other keys are per-call options for the upload and the create. */
export interface SubmitOptions<E extends BatchEndpoint = BatchEndpoint> extends Omit<RequestOptions, 'onUploadProgress'> {
  /** Default: the first request's `url`. */
  endpoint?: E;
  /** Only `24h` (the default) today. */
  completionWindow?: BatchCreateParams['completion_window'];
  metadata?: Record<string, string>;
  outputExpiresAfter?: BatchCreateParams['output_expires_after'];
  /** The body schema; default: the endpoint's, from its domain package when installed. `false` skips body checks. */
  schema?: RequestSchema | false;
}

// Loaded (with zod) on the first `submit`, not when the package is imported.
const submitOptionsSchema = deferredSchema(async () => (await import('./submit-options-schema.js')).submitOptionsSchema);

/**
 * Submits `requests` as one batch and returns it (status `validating`).
 *
 * @example
 * const batch = await submitBatch(files, create, requests, { endpoint: '/v1/chat/completions' });
 */
export async function submitBatch<E extends BatchEndpoint>(
  files: Pick<FilesService, 'upload' | 'delete'>,
  create: (params: BatchCreateParams, options?: RequestOptions) => Promise<Batch>,
  requests: Iterable<BatchRequest<E>>,
  options: SubmitOptions<E> = {},
): Promise<Batch<E>> {
  await validateParamsAsync(submitOptionsSchema, options, 'options');
  const { endpoint, completionWindow, metadata, outputExpiresAfter, schema, ...request } = options;
  const input = await batchInput(requests, { ...(endpoint ? { endpoint } : {}), ...(schema !== undefined ? { schema } : {}) });
  // Node's fs and streams load on the first submit, not with the package.
  const { spool } = await import('#spool');
  const spooled = await spool(input.stream(), 'batch-input.jsonl');
  let fileId: string;
  try {
    fileId = (await files.upload({ file: spooled.file, purpose: 'batch' }, request)).id;
  } finally {
    await spooled.dispose();
  }
  try {
    return await create({
      input_file_id: fileId, endpoint: input.endpoint, completion_window: completionWindow ?? '24h',
      ...(metadata ? { metadata } : {}), ...(outputExpiresAfter ? { output_expires_after: outputExpiresAfter } : {}),
    }, request) as Batch<E>;
  } catch (error) {
    await files.delete(fileId, { maxRetries: request.maxRetries ?? 2 }).catch(() => undefined);
    throw error;
  }
}
