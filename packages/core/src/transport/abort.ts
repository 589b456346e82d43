/**
 * Signal helpers: combine signals, sleep until a deadline or an abort, whichever is first.
 * `AbortSignal.any` is not used: the edge runtime and Safari before 17.4 lack it, and a combined
 * signal made from a long-lived caller signal must be unlinked when the call ends, or every
 * call leaves a listener behind on it.
 */
import { MAX_TIMER_MS } from '../config/settings-shapes.js';
import { RequestError } from '../errors/errors.js';

/** A signal that aborts when any of its sources does, and a way to unlink it from them. */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** Removes the listeners on the sources; the signal no longer follows them. Idempotent. */
  dispose(): void;
}

const NOTHING = (): void => undefined;

/**
 * Links `signals` into one. Call `dispose()` when the work ends so the sources drop it.
 *
 * @example
 * const linked = linkSignals([options.signal, timeout.signal]);
 * try { await fetch(url, { signal: linked.signal }); } finally { linked.dispose(); }
 */
export function linkSignals(signals: ReadonlyArray<AbortSignal | undefined>): LinkedSignal {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length === 1) return { signal: present[0]!, dispose: NOTHING };
  const controller = new AbortController();
  const already = present.find((signal) => signal.aborted);
  if (already) {
    controller.abort(already.reason);
    return { signal: controller.signal, dispose: NOTHING };
  }
  const listeners = present.map((source) => {
    const onAbort = () => {
      dispose();
      controller.abort(source.reason);
    };
    source.addEventListener('abort', onAbort, { once: true });
    return () => source.removeEventListener('abort', onAbort);
  });
  let disposed = false;
  function dispose(): void {
    if (disposed) return;
    disposed = true;
    for (const remove of listeners) remove();
  }
  return { signal: controller.signal, dispose };
}

/** A signal that aborts when any of `signals` does (for work that lives as long as its sources). */
export function anySignal(signals: Array<AbortSignal | undefined>): AbortSignal {
  return linkSignals(signals).signal;
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
    // Clamped to what a timer can hold: past 2³¹−1 ms `setTimeout` fires after about 1 ms, and a
    // 30-day wait would become a tight loop. NaN waits nothing rather than looping either.
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.min(Number.isFinite(ms) ? Math.max(0, ms) : ms > 0 ? MAX_TIMER_MS : 0, MAX_TIMER_MS));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
