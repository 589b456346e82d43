/** Signal helpers: combine signals, sleep until a deadline or an abort, whichever is first. */
import { RequestError } from './errors.js';

/** A signal that aborts when any of `signals` does. */
export function anySignal(signals: Array<AbortSignal | undefined>): AbortSignal {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length === 1) return present[0]!;
  return AbortSignal.any(present);
}

/** The typed error for a caller's abort, keeping the reason as `cause`. */
export function abortError(signal: AbortSignal | undefined, what = 'Request'): RequestError {
  return new RequestError({ kind: 'aborted', message: `${what} was aborted by the caller.`, cause: signal?.reason });
}

/**
 * Waits `ms` milliseconds; rejects with a typed `aborted` error the moment `signal` aborts.
 *
 * @example
 * await sleep(500, options.signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
