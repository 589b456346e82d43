/**
 * How streams read a response body. By default through `response.body.getReader()`; a transport
 * whose bodies are not web streams underneath (the undici transport's are Node streams) can offer
 * a cheaper reader under `READ_BODY_CHUNKS`, so an event stream does not pay for a web
 * `ReadableStream` (a queue, a pull and promises per chunk) built over a stream it could read
 * directly. A user who reads `response.body` still gets a real web stream.
 */

/**
 * The part of a `ReadableStreamDefaultReader` the streams use: `read()` settles with the next
 * chunk or the end and rejects when the body fails; `cancel()` frees the connection and settles a
 * pending `read()` with the end, as a web reader's does.
 */
export interface ChunkReader {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
}

/**
 * The key of a `Response` method that returns a `ChunkReader` over its body (taking it locks the
 * body, like `getReader()`). A registered symbol: a transport built against another copy of core
 * offers the same key.
 *
 * @example
 * class MyResponse extends Response {
 *   [READ_BODY_CHUNKS](): ChunkReader { return readNodeStream(this.source); }
 * }
 */
export const READ_BODY_CHUNKS: unique symbol = Symbol.for('@integrations/openai-core.readBodyChunks');

/** A response that offers its own chunk reader. */
interface WithChunkReader {
  [READ_BODY_CHUNKS](): ChunkReader;
}

/**
 * A reader over `response`'s body: the transport's own when it offers one, else the web stream's;
 * `undefined` when there is no body.
 *
 * @example
 * const reader = chunkReaderOf(response);
 * const first = await reader?.read();
 */
export function chunkReaderOf(response: Response): ChunkReader | undefined {
  const own = (response as Partial<WithChunkReader>)[READ_BODY_CHUNKS];
  if (typeof own === 'function') return own.call(response);
  return response.body?.getReader();
}
