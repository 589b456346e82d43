/**
 * How a Node stream already ended, for a reader made after the fact: a byte stream makes its
 * reader on the first read, and a body can fail or close before that (the socket reset while the
 * caller was still opening a file). Its `'error'`, `'end'` and `'close'` events have then fired
 * already, and a reader that only listened for them would wait forever.
 */
import type { Readable } from 'node:stream';

/** The error for a body destroyed before its end without an error of its own: cut off, never complete. */
export function cutOffError(): Error {
  return Object.assign(new Error('The response body was closed before it ended.'), { code: 'UND_ERR_ABORTED' });
}

/**
 * `'ended'` when the stream ended cleanly, `{ error }` when it failed or was destroyed before its
 * end, `undefined` while it is still open.
 *
 * @example
 * const state = endedState(body);
 * if (state !== undefined && state !== 'ended') throw state.error;
 */
export function endedState(source: Readable): 'ended' | { error: unknown } | undefined {
  if (source.errored) return { error: source.errored };
  if (source.readableEnded) return 'ended';
  if (source.destroyed) return { error: cutOffError() };
  return undefined;
}
