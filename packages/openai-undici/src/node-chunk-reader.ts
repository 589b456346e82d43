/**
 * core's `ChunkReader` straight over a Node `Readable`: what core's event and byte streams read
 * an undici body with. A web `ReadableStream` over the same body (what `response.body` gives)
 * costs a queue, a pull and several promises per chunk; this costs one promise per read, and
 * none when data is already buffered. Each read takes everything buffered at once, as Node's own
 * async iterator does, so a burst of socket reads is decoded in one go.
 */
import type { Readable } from 'node:stream';
import type { ChunkReader } from '@integrations/openai-core';
import { cutOffError, endedState } from './node-stream-state.js';

type ReadResult = ReadableStreamReadResult<Uint8Array>;

const END: ReadResult = Object.freeze({ done: true, value: undefined });

/**
 * A reader over `source` (which it then owns): `read()` resolves with the next bytes or the end
 * and rejects with the stream's error (a reset, a bad gzip body); `cancel()` destroys the source,
 * which ends the request and frees its socket, and settles a pending read with the end.
 *
 * @example
 * const reader = nodeChunkReader(body);
 * for (let step = await reader.read(); !step.done; step = await reader.read()) use(step.value);
 */
export function nodeChunkReader(source: Readable): ChunkReader {
  // The body may have ended, failed or closed before this reader was made: start from there.
  const already = endedState(source);
  let ended = already === 'ended';
  let failure = already === 'ended' ? undefined : already;
  let waiting: { resolve(result: ReadResult): void; reject(error: unknown): void } | undefined;

  /** What a read gets now: bytes, the end, the failure; or `undefined` when it must wait. */
  const take = (): ReadResult | { error: unknown } | undefined => {
    if (failure !== undefined) return failure;
    if (ended) return END;
    const bytes = source.read() as Uint8Array | null;
    if (bytes !== null) return { done: false, value: bytes };
    return undefined;
  };
  const settle = () => {
    if (waiting === undefined) return;
    const result = take();
    if (result === undefined) return;
    const { resolve, reject } = waiting;
    waiting = undefined;
    if ('error' in result) reject(result.error);
    else resolve(result);
  };

  source.on('readable', settle);
  source.once('end', () => {
    ended = true;
    settle();
  });
  source.once('error', (error: Error) => {
    failure ??= { error };
    settle();
  });
  // Destroyed without an error and before its end (undici aborting it, say): a cut-off body,
  // never a clean end a caller would take for the whole of it.
  source.once('close', () => {
    if (!ended && failure === undefined) failure = { error: cutOffError() };
    settle();
  });

  return {
    read() {
      const result = take();
      if (result === undefined) return new Promise((resolve, reject) => (waiting = { resolve, reject }));
      return 'error' in result ? Promise.reject(result.error) : Promise.resolve(result);
    },
    cancel() {
      if (!ended && failure === undefined) ended = true;
      source.destroy();
      // A cancelled reader's pending read ends, as a web reader's does.
      if (waiting !== undefined) {
        const { resolve } = waiting;
        waiting = undefined;
        resolve(END);
      }
      return Promise.resolve();
    },
  };
}
