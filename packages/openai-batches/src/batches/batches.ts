/**
 * The batches service: create, retrieve, cancel and list batches; `submit` (input file built,
 * checked, uploaded, batch created), `waitFor` (until final, with progress) and `results`
 * (output and error files streamed line by line).
 */
import {
  createOpenAICore, createPagedList, deferredSchema, failedList, rejectingMethods, RequestError, ResponseError, validateParamsAsync,
  type ClientOptions, type CursorPage, type OpenAICore, type PagedList, type RequestOptions,
} from '@integrations/openai-core';
import { createFilesService } from '@integrations/openai-files';
import type { BatchRequest } from '../input/batch-input.js';
import type { BatchResult } from '../results/batch-result.js';
import { readResults } from '../results/batch-results.js';
import { batchesOperations as operations } from './batches-operations.js';
import type { BatchCreateParams, BatchListParams } from './batches-schemas.js';
import { FINAL_BATCH_STATUSES, type Batch, type BatchEndpoint } from './batches-types.js';
import { submitBatch, type SubmitOptions } from './submit.js';
import { waitForBatch, type BatchWaitOptions } from './wait-for-batch.js';

// Loaded (with zod) on the first `list`, not when the package is imported.
const batchListParamsSchema = deferredSchema(async () => (await import('../schemas.js')).batchListParamsSchema);

/** Batches. */
export interface BatchesService {
  create<E extends BatchEndpoint>(params: BatchCreateParams & { endpoint: E }, options?: RequestOptions): Promise<Batch<E>>;
  retrieve(batchId: string, options?: RequestOptions): Promise<Batch>;
  /** Asks the API to stop the batch; it is `cancelling`, then `cancelled` with partial results. */
  cancel(batchId: string, options?: RequestOptions): Promise<Batch>;
  /** Your batches, newest first: `await` for a page, or `for await` over every batch. */
  list(params?: BatchListParams, options?: RequestOptions): PagedList<Batch>;
  /** Checks `requests` (before anything is sent), uploads them as JSONL with purpose `batch`, creates the batch. */
  submit<E extends BatchEndpoint>(requests: Iterable<BatchRequest<E>>, options?: SubmitOptions<E>): Promise<Batch<E>>;
  /** Polls until the batch is `completed`, `failed`, `expired` or `cancelled`, and returns it. */
  waitFor<E extends string>(batch: string | Batch<E>, options?: BatchWaitOptions): Promise<Batch<E>>;
  /** Every result of a final batch, output file then error file, parsed line by line as they stream in. */
  results<E extends string>(batch: string | Batch<E>, options?: RequestOptions): AsyncIterable<BatchResult<E>>;
  /** The results keyed by `custom_id`. */
  resultsByCustomId<E extends string>(batch: string | Batch<E>, options?: RequestOptions): Promise<Map<string, BatchResult<E>>>;
}

function batchIdOf(batch: unknown): string {
  if (typeof batch === 'string') return batch;
  const id = (batch as { id?: unknown } | null | undefined)?.id;
  if (typeof batch === 'object' && batch !== null && typeof id === 'string') return id;
  throw new RequestError({ kind: 'validation', message: 'batch must be a batch id or a batch object', issues: [{ path: 'batch_id', message: 'must be a batch id or a batch object' }] });
}

/**
 * Creates the batches service from client options or a shared core (files go through the same core).
 *
 * @example
 * const batches = createBatchesService({ apiKey: process.env.OPENAI_API_KEY });
 * const batch = await batches.submit(requests, { endpoint: '/v1/chat/completions' });
 * const done = await batches.waitFor(batch, { onProgress: ({ request_counts }) => console.log(request_counts) });
 * for await (const result of batches.results(done)) console.log(result.custom_id, result.ok);
 */
export function createBatchesService(configOrCore: ClientOptions | OpenAICore = {}): BatchesService {
  const core = createOpenAICore(configOrCore);
  const files = createFilesService(core);
  const { createBatch, listBatches, retrieveBatch, cancelBatch } = operations;
  const retrieve = (batchId: string, options?: RequestOptions) => core.get<Batch>(retrieveBatch.path, { pathParams: { batch_id: batchId } }, options);
  const create = <E extends BatchEndpoint>(params: BatchCreateParams & { endpoint: E }, options?: RequestOptions) =>
    core.post<Batch<E>>(createBatch.path, { body: params, schema: createBatch.requestSchema }, options);

  /** The batch in its final state: the one given when it is final, else fetched. */
  const finalBatch = async <E extends string>(batch: string | Batch<E>, options?: RequestOptions): Promise<Batch<E>> => {
    const id = batchIdOf(batch);
    return typeof batch === 'object' && FINAL_BATCH_STATUSES.has(batch.status) ? batch : (retrieve(id, options) as Promise<Batch<E>>);
  };
  const results = <E extends string>(batch: string | Batch<E>, options?: RequestOptions) => readResults(files, () => finalBatch(batch, options), options);

  return rejectingMethods<BatchesService>({
    create,
    retrieve,
    cancel: (batchId, options) => core.post<Batch>(cancelBatch.path, { pathParams: { batch_id: batchId }, body: undefined }, options),
    list(params, options) {
      // The query is checked before the first page is asked for: a bad one fails the first read.
      const query = validateParamsAsync(batchListParamsSchema, params ?? {}, 'params');
      query.catch(() => undefined);
      return createPagedList<Batch>(async (after) => core.get<CursorPage<Batch>>(listBatches.path, { query: { ...(await query), ...(after ? { after } : {}) } }, options));
    },
    submit: (requests, options) => submitBatch(files, create as (params: BatchCreateParams, options?: RequestOptions) => Promise<Batch>, requests, options),
    async waitFor<E extends string>(batch: string | Batch<E>, options?: BatchWaitOptions) {
      const id = batchIdOf(batch);
      return waitForBatch((request) => retrieve(id, request), options) as Promise<Batch<E>>;
    },
    results,
    async resultsByCustomId<E extends string>(batch: string | Batch<E>, options?: RequestOptions) {
      const byId = new Map<string, BatchResult<E>>();
      for await (const result of results(batch, options)) {
        // Two results for one request would make the map keep one silently: say so instead.
        if (byId.has(result.custom_id)) {
          throw new ResponseError({ kind: 'invalid_response', message: `The batch has two results for custom_id ${JSON.stringify(result.custom_id)}.` });
        }
        byId.set(result.custom_id, result);
      }
      return byId;
    },
  }, { list: failedList });
}
