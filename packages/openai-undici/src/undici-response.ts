/**
 * A web `Response` over a Node stream (undici's body, or its decoder). Reading it whole
 * (`arrayBuffer()`, `text()`, `json()`) takes the bytes straight from the Node stream; `body`
 * makes a web `ReadableStream` on first use, for streaming. On Node 20 a `ReadableStream` costs
 * about as much CPU as the rest of a small JSON request, so it is made only when asked for; core's
 * event and byte streams skip it altogether and read the Node stream through `READ_BODY_CHUNKS`.
 */
import { Readable } from 'node:stream';
import { READ_BODY_CHUNKS, type ChunkReader } from '@integrations/openai-core';
import { nodeChunkReader } from './node-chunk-reader.js';
import { cutOffError, endedState } from './node-stream-state.js';

/**
 * At most this many bytes wait in the web stream's queue before the Node stream is paused (and
 * undici, with its own 64 KiB buffer full, stops reading the socket).
 */
const QUEUED_BYTES = 64 * 1024;

const utf8 = new TextDecoder();

/** A web stream over a Node stream, with backpressure, that destroys the source when cancelled. */
export function webStream(source: Readable): ReadableStream<Uint8Array<ArrayBuffer>> {
  let settled = false;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      // Ended, failed or closed before anyone asked for the body: its events have fired already.
      const already = endedState(source);
      if (already !== undefined) {
        settled = true;
        if (already === 'ended') controller.close();
        else controller.error(already.error);
        return;
      }
      source.on('data', (chunk: Uint8Array<ArrayBuffer>) => {
        if (settled || chunk.byteLength === 0) return;
        controller.enqueue(chunk);
        if ((controller.desiredSize ?? 0) <= 0) source.pause();
      });
      source.once('end', () => {
        if (settled) return;
        settled = true;
        controller.close();
      });
      source.once('error', (error: Error) => {
        if (settled) return;
        settled = true;
        controller.error(error);
      });
      // Destroyed before its end without an error: cut off, not a clean end.
      source.once('close', () => {
        if (settled) return;
        settled = true;
        controller.error(cutOffError());
      });
    },
    pull() {
      if (source.isPaused()) source.resume();
    },
    cancel() {
      settled = true;
      source.destroy();
    },
  }, { highWaterMark: QUEUED_BYTES, size: (chunk) => chunk.byteLength });
}

/** Every byte of `source`, in one exactly sized array; rejects with the stream's error. */
function collect(source: Readable): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    source.on('data', (chunk: Uint8Array) => {
      chunks.push(chunk);
      length += chunk.byteLength;
    });
    source.once('error', reject);
    source.once('end', () => {
      // A fresh buffer: undici's chunks are views into socket reads, and a caller may keep
      // (or transfer) the ArrayBuffer it gets.
      const bytes = new Uint8Array(length);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(bytes);
    });
  });
}

/**
 * The `Response` the transport returns for a response with a body.
 *
 * @example
 * return new UndiciResponse(body, url, { status, statusText, headers });
 */
export class UndiciResponse extends Response {
  readonly #source: Readable;
  readonly #url: string;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  #read = false;

  constructor(source: Readable, url: string, init: ResponseInit) {
    super(null, init);
    this.#source = source;
    this.#url = url;
  }

  override get url(): string {
    return this.#url;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    // Read whole already: like fetch's, the body is then a stream with nothing left in it.
    this.#stream ??= this.#read ? new ReadableStream({ start: (controller) => controller.close() }) : webStream(this.#source);
    return this.#stream;
  }

  /** The body for core's streams, read straight from the Node stream (node-chunk-reader.ts). */
  [READ_BODY_CHUNKS](): ChunkReader {
    if (this.bodyUsed || this.#stream !== undefined) return this.body.getReader();
    this.#read = true;
    return nodeChunkReader(this.#source);
  }

  override get bodyUsed(): boolean {
    return this.#read || (this.#stream !== undefined && Readable.isDisturbed(this.#stream as unknown as Readable));
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    if (this.#stream !== undefined) return new Uint8Array(await new Response(this.#stream).arrayBuffer());
    this.#read = true;
    return collect(this.#source);
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer;
  }

  override async text(): Promise<string> {
    return utf8.decode(await this.bytes());
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async blob(): Promise<Blob> {
    return new Blob([await this.bytes()], { type: this.headers.get('content-type') ?? '' });
  }

  override async formData(): Promise<FormData> {
    return new Response(await this.bytes(), { headers: this.headers }).formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    const [mine, theirs] = this.body.tee();
    this.#stream = mine;
    return new Response(theirs, { status: this.status, statusText: this.statusText, headers: new Headers(this.headers) });
  }
}
