/**
 * A binary response streamed in chunks over time (speech audio), optionally cut after some
 * chunks: by a connection reset, or by going silent until the client leaves.
 */
import type { StreamCut } from './sse-body.js';

/** Bytes per chunk of a streamed binary body. */
export const BINARY_CHUNK_BYTES = 4096;

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * A 200 response streaming `bytes` in `BINARY_CHUNK_BYTES` pieces, one per pull; `cut.afterEvents`
 * counts chunks.
 *
 * @example
 * return binaryResponse(wav, { signal: request.signal, contentType: 'audio/wav', intervalMs: 10 });
 */
export function binaryResponse(
  bytes: Uint8Array,
  options: { signal: AbortSignal; contentType: string; intervalMs?: number; cut?: StreamCut; headers?: Record<string, string> },
): Response {
  let offset = 0;
  let sent = 0;
  const { cut, signal } = options;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (cut && sent === cut.afterEvents) {
        if (cut.how === 'reset') return controller.error(new Error('mock server reset the body'));
        return new Promise<void>((resolve) => signal.addEventListener('abort', () => { controller.close(); resolve(); }, { once: true }));
      }
      if (offset >= bytes.byteLength || signal.aborted) return controller.close();
      if (options.intervalMs && sent > 0) await wait(options.intervalMs, signal);
      controller.enqueue(bytes.slice(offset, offset + BINARY_CHUNK_BYTES));
      offset += BINARY_CHUNK_BYTES;
      sent++;
    },
  }, { highWaterMark: 0 });
  return new Response(stream, { status: 200, headers: { 'content-type': options.contentType, ...options.headers } });
}
