/**
 * `waitFor`: polls a batch until it is final (`completed`, `failed`, `expired`, `cancelled`),
 * reporting its request counts as it goes, with a deadline (a typed poll timeout) and a signal.
 */
import { deferredSchema, poll, validateParamsAsync, type RequestOptions } from '@integrations/openai-core';
import { FINAL_BATCH_STATUSES, type Batch, type BatchRequestCounts, type BatchStatus } from './batches-types.js';

/** What `onProgress` hears after each poll. */
export interface BatchProgress {
  status: BatchStatus;
  request_counts: BatchRequestCounts;
  batch: Batch;
}

/** How to wait for a batch. */
export interface BatchWaitOptions extends Omit<RequestOptions, 'onUploadProgress'> {
  /** Wait between polls when the server gives no `openai-poll-after-ms` hint. Default 5000 ms. */
  pollInterval?: number;
  /** When to give up with a typed `timeout` (timeoutKind `poll`): milliseconds from now, or a Date. Default 25 hours. */
  deadline?: number | Date;
  onProgress?(progress: BatchProgress): void;
}

// Loaded (with zod) on the first wait, not when the package is imported.
const waitOptionsSchema = deferredSchema(async () => (await import('./wait-options-schema.js')).waitOptionsSchema);

/** A day's completion window and an hour for finalizing. */
const DEFAULT_DEADLINE_MS = 25 * 60 * 60_000;

/**
 * Polls `retrieve` until the batch is final and returns it (whatever the final status).
 *
 * @example
 * const batch = await waitForBatch((options) => batches.retrieve(id, options), { onProgress: ({ request_counts }) => console.log(request_counts) });
 */
export async function waitForBatch(retrieve: (options: RequestOptions) => Promise<Batch>, options: BatchWaitOptions = {}): Promise<Batch> {
  await validateParamsAsync(waitOptionsSchema, options, 'options');
  const { pollInterval, deadline, onProgress, ...request } = options;
  const wanted = deadline instanceof Date ? Math.max(1, deadline.getTime() - Date.now()) : deadline ?? DEFAULT_DEADLINE_MS;
  // A timer holds at most 2³¹−1 ms (24.8 days), far past any batch's completion window.
  const timeoutMs = Math.min(wanted, 2 ** 31 - 1);
  return poll(async (signal) => {
    const batch = await retrieve({ ...request, ...(signal ? { signal } : {}) });
    onProgress?.({ status: batch.status, request_counts: batch.request_counts ?? { total: 0, completed: 0, failed: 0 }, batch });
    return batch;
  }, {
    isDone: (batch) => FINAL_BATCH_STATUSES.has(batch.status),
    intervalMs: pollInterval ?? 5_000,
    timeoutMs,
    ...(request.signal ? { signal: request.signal } : {}),
  });
}
