/**
 * Runs parts through `send` with at most `concurrency` in flight, reading the next part only
 * when a slot frees up (so a stream source never holds more than `concurrency` parts). The
 * first failure stops everything: no new part starts, the ones in flight are aborted.
 */
import { linkSignals } from '@integrations/openai-core/internal';

/** A part failure, with the part that failed (undefined when reading the source failed). */
export interface PoolFailure<P> {
  part: P | undefined;
  error: unknown;
}

/**
 * Sends every part; resolves with each part's result by index, or rejects with a `PoolFailure`.
 *
 * @example
 * const ids = await runPool(source.parts(size, partSize), 4, (part, signal) => addPart(part, signal), signal);
 */
export async function runPool<P extends { index: number }, R>(
  parts: AsyncGenerator<P>,
  concurrency: number,
  send: (part: P, signal: AbortSignal) => Promise<R>,
  signal: AbortSignal | undefined,
): Promise<R[]> {
  const stop = new AbortController();
  const linked = linkSignals([signal, stop.signal]);
  const results: R[] = [];
  const running = new Set<Promise<void>>();
  let failure: PoolFailure<P> | undefined;
  const fail = (part: P | undefined, error: unknown) => {
    failure ??= { part, error };
    stop.abort(error);
  };
  try {
    for (;;) {
      while (running.size >= concurrency && !failure) await Promise.race(running);
      if (failure || linked.signal.aborted) break;
      let next: IteratorResult<P>;
      try {
        next = await parts.next();
      } catch (error) {
        fail(undefined, error);
        break;
      }
      if (next.done) break;
      const part = next.value;
      const task: Promise<void> = send(part, linked.signal).then(
        (result) => void (results[part.index] = result),
        (error: unknown) => fail(part, error),
      ).finally(() => running.delete(task));
      running.add(task);
    }
    await Promise.all(running);
    if (!failure && signal?.aborted) failure = { part: undefined, error: signal.reason };
    if (failure) throw failure;
    return results;
  } finally {
    linked.dispose();
    await parts.return(undefined as never).catch(() => undefined);
  }
}
