/**
 * Polls until a resource reaches a final state (a batch, a fine-tuning job, a run), honouring
 * the server's `openai-poll-after-ms` hint, a deadline and the caller's abort signal.
 */
import { linkSignals, sleep } from '../transport/abort.js';
import { MAX_TIMER_MS, settingsProblem, type Shape } from '../config/settings-shapes.js';
import { NetworkError, RequestError } from '../errors/errors.js';

const POLL_SHAPE: Shape = { intervalMs: 'ms', timeoutMs: 'ms' };
import { getResponseMeta } from '../transport/response-meta.js';

/** How to poll. */
export interface PollOptions<T> {
  /** True when `state` is final. */
  isDone(state: T): boolean;
  /** Wait between polls when the server gives no hint. Default 1000 ms. */
  intervalMs?: number;
  /** Give up after this long, with a typed `timeout` (timeoutKind `poll`). Default 30 minutes. */
  timeoutMs?: number;
  /** Ends the polling at once with a typed `aborted` error. */
  signal?: AbortSignal;
}

/** The server's poll interval hint on a fetched state, if any. */
function pollHint(state: unknown): number | undefined {
  const hint = getResponseMeta(state)?.headers['openai-poll-after-ms'];
  const value = hint === undefined || !/^\d+$/.test(hint) ? Number.NaN : Number(hint);
  return Number.isFinite(value) ? Math.min(value, MAX_TIMER_MS) : undefined;
}

/**
 * Calls `fetchState` until `isDone` says so, then returns the final state.
 *
 * @example
 * const batch = await poll(() => batches.retrieve(id), {
 *   isDone: (b) => ['completed', 'failed', 'expired', 'cancelled'].includes(b.status),
 *   timeoutMs: 3_600_000,
 * });
 */
export async function poll<T>(fetchState: (signal: AbortSignal | undefined) => Promise<T>, options: PollOptions<T>): Promise<T> {
  const problem = settingsProblem('poll options', { intervalMs: options?.intervalMs, timeoutMs: options?.timeoutMs }, POLL_SHAPE);
  if (problem !== undefined || typeof options?.isDone !== 'function') {
    throw new RequestError({ kind: 'validation', message: problem ?? 'poll options need an isDone function', issues: [{ path: 'options', message: problem ?? 'isDone is required' }] });
  }
  const interval = options.intervalMs ?? 1_000;
  const timeout = options.timeoutMs ?? 30 * 60_000;
  // The deadline aborts whatever is running when it fires, a fetch in flight included.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeout);
  const linked = linkSignals([options.signal, deadline.signal]);
  const timedOut = () => new NetworkError({
    kind: 'timeout',
    timeoutKind: 'poll',
    retryable: false,
    message: `Polling gave up after ${timeout} ms without reaching a final state (option "timeoutMs").`,
  });
  try {
    for (;;) {
      const state = await fetchState(linked.signal);
      if (options.isDone(state)) return state;
      await sleep(pollHint(state) ?? interval, linked.signal);
    }
  } catch (error) {
    if (deadline.signal.aborted && !options.signal?.aborted) throw timedOut();
    throw error;
  } finally {
    clearTimeout(timer);
    linked.dispose();
  }
}
