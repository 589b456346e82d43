/**
 * Races work the caller cannot cancel (a user's tool) against the caller's signal. A tool gets
 * the signal, but may ignore it; `runTools` must still stop the moment the caller aborts,
 * instead of waiting for a tool that takes seconds or never settles.
 */
import { abortError } from '@integrations/openai-core/internal';

/**
 * Settles like `work()`, or rejects with the typed `aborted` error as soon as `signal` aborts.
 * The listener is removed when the work settles, so a long-lived signal collects none.
 *
 * @example
 * const result = await untilAborted(() => run(args, { signal }), signal);
 */
export function untilAborted<T>(work: () => T | Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return Promise.resolve().then(work);
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve()
      .then(work)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
