/**
 * The options of a wait (`waitForProcessing`): how often to ask, when to give up, how to stop,
 * checked like any params; the rest are per-call options for each poll.
 */
import { deferredSchema, validateParamsAsync, type PollOptions, type RequestOptions } from '@integrations/openai-core';

/** How to wait for a file. */
export interface WaitOptions extends Omit<RequestOptions, 'onUploadProgress'> {
  /** Wait between polls when the server gives no `openai-poll-after-ms` hint. Default 1000 ms. */
  pollInterval?: number;
  /** When to give up with a typed `timeout` (timeoutKind `poll`): milliseconds from now, or a Date. Default 30 minutes. */
  deadline?: number | Date;
}

// Loaded (with zod) on the first wait, not when the package is imported.
const waitOptionsSchema = deferredSchema(async () => (await import('./wait-options-schema.js')).waitOptionsSchema);

/**
 * Splits wait options into core's poll settings and the options of each poll request.
 * Rejects with a validation error for bad values.
 *
 * @example
 * const { poll: settings, request } = await resolveWaitOptions(options, 30 * 60_000);
 */
export async function resolveWaitOptions(options: WaitOptions | undefined, defaultDeadlineMs: number): Promise<{ poll: Omit<PollOptions<unknown>, 'isDone'>; request: RequestOptions }> {
  await validateParamsAsync(waitOptionsSchema, options ?? {}, 'options');
  const { pollInterval, deadline, ...request } = options ?? {};
  const timeoutMs = deadline instanceof Date ? Math.max(1, deadline.getTime() - Date.now()) : deadline ?? defaultDeadlineMs;
  const poll: Omit<PollOptions<unknown>, 'isDone'> = { timeoutMs, intervalMs: pollInterval ?? 1_000 };
  if (request.signal) poll.signal = request.signal;
  return { poll, request };
}
