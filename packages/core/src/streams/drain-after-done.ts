/**
 * What a stream does with its body after `[DONE]`: reads it to its end rather than cancelling it.
 * The server ends the response right after `[DONE]` (the last bytes of a chunked body, often in a
 * later packet); cancelling before they arrive makes the HTTP client close the connection, so the
 * next request pays a new TCP and TLS handshake. Reading the few bytes left lets the connection
 * go back to the pool, as the official SDK does. A body that goes on anyway (a server that does
 * not end its response) is cut off after `DRAIN_LIMIT_MS` or `DRAIN_LIMIT_BYTES`: the caller's
 * loop waits for this, so the bound is short.
 */
import type { ChunkReader } from './chunk-reader.js';

/** Longest wait for the end of a body after `[DONE]`. */
export const DRAIN_LIMIT_MS = 250;
/** Most bytes read after `[DONE]` before the body is cancelled instead. */
export const DRAIN_LIMIT_BYTES = 64 * 1024;

/**
 * Reads `reader` to its end, within the limits (past them it is cancelled); resolves then, and
 * never rejects.
 *
 * @example
 * if (!bodyEnded) await drainAfterDone(reader);
 */
export function drainAfterDone(reader: ChunkReader): Promise<void> {
  const cancel = () => reader.cancel().catch(() => undefined);
  const timer = setTimeout(cancel, DRAIN_LIMIT_MS);
  // The limit's timer alone is no reason to keep a process alive.
  (timer as { unref?: () => void }).unref?.();
  let bytes = 0;
  const next = (): Promise<void> =>
    reader.read().then(({ done, value }) => {
      if (done) return;
      bytes += value.byteLength;
      if (bytes > DRAIN_LIMIT_BYTES) return void cancel();
      return next();
    });
  return next().then(
    () => clearTimeout(timer),
    () => clearTimeout(timer),
  );
}
