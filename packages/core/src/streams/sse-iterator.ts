/**
 * The iterator an `SseStream` hands out: `next()` and `return()`, plus a synchronous take that
 * `FinalResultStream` uses. Kept apart from sse-stream.ts, which holds the reading itself.
 */

/**
 * The key of an `SseStream` iterator's synchronous take: the next item when it is already
 * decoded and waiting (`undefined` when a read is needed). `FinalResultStream` uses it so a
 * buffered event costs its reader one promise, not two (a block of hundreds of events per read is
 * where that shows). Module-private to core: not part of the public iterator.
 */
export const TAKE_QUEUED = Symbol('takeQueued');

/** An `SseStream` iterator, with its synchronous take. */
export interface SseIterator<T> extends AsyncIterator<T> {
  [TAKE_QUEUED](): IteratorResult<T> | undefined;
}

/** An iterator whose first `next()` rejects with `error`. */
export function failingIterator<T>(error: Error): SseIterator<T> {
  return { next: () => Promise.reject(error), [TAKE_QUEUED]: () => undefined };
}
