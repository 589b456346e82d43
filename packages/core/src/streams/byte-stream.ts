/**
 * A response body handed over as a web `ReadableStream<Uint8Array>`, chunk by chunk as it
 * arrives (speech audio, a file's content): started at once, like every stream here. HTTP
 * errors are typed and retried by the pipeline like any call; once the body flows, a cut
 * connection, a stall longer than the idle limit, or the caller's abort errors the stream with a
 * typed error. `cancel()` (or breaking out of `for await`) frees the socket.
 */
import { NetworkError, OpenAIError } from '../errors/errors.js';
import { abortError, linkSignals } from '../transport/abort.js';
import { attachResponseMeta, type ResponseMeta } from '../transport/response-meta.js';
import { chunkReaderOf, type ChunkReader } from './chunk-reader.js';

/** A web stream of bytes that also carries its response metadata and an `abort()`. */
export interface ByteStream extends ReadableStream<Uint8Array> {
  /** Resolves once headers arrive (then `getResponseMeta(stream)` works too); rejects if the request fails. */
  readonly responseMeta: Promise<ResponseMeta>;
  /** Cancels the request; a pending or later read fails with a typed `aborted` error. */
  abort(reason?: unknown): void;
}

/** How a byte stream starts its request and how long it may stay silent. */
export interface ByteStreamOptions {
  /** Runs the request with the stream's own signal; resolves when the headers arrive. */
  start(signal: AbortSignal): Promise<{ response: Response; meta: ResponseMeta }>;
  signal?: AbortSignal;
  idleTimeoutMs?: number;
  /** Named in error messages, e.g. `api.openai.com`. */
  host: string;
}

function decorate(stream: ReadableStream<Uint8Array>, responseMeta: Promise<ResponseMeta>, abort: (reason?: unknown) => void): ByteStream {
  Object.defineProperty(stream, 'responseMeta', { value: responseMeta });
  Object.defineProperty(stream, 'abort', { value: abort });
  return stream as ByteStream;
}

/** ` (ECONNRESET)`, when the failure carries a code. */
function codeOf(error: unknown): string {
  const direct = (error as { code?: unknown } | undefined)?.code;
  const nested = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const code = direct ?? nested;
  return typeof code === 'string' ? ` (${code})` : '';
}

/**
 * A byte stream that fails with `error` on its first read: what a stream method returns
 * instead of throwing when its input is bad.
 *
 * @example
 * return failedByteStream(error);
 */
export function failedByteStream(error: unknown): ByteStream {
  const responseMeta = Promise.reject(error);
  responseMeta.catch(() => undefined);
  return decorate(new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(error) }), responseMeta, () => undefined);
}

/**
 * Starts the request and returns its body as a stream.
 *
 * @example
 * const audio = createByteStream({ start, signal, idleTimeoutMs: 30_000, host });
 * for await (const chunk of audio) play(chunk);
 */
export function createByteStream(options: ByteStreamOptions): ByteStream {
  const { idleTimeoutMs: idleMs, host } = options;
  const controller = new AbortController();
  const linked = linkSignals([options.signal, controller.signal]);
  const started = Promise.resolve().then(() => options.start(linked.signal));
  let reader: ChunkReader | undefined;
  let failure: Error | undefined;
  let reading = false;
  let unreadTimer: ReturnType<typeof setTimeout> | undefined;

  const idleError = (why = '') => new NetworkError({
    kind: 'timeout', timeoutKind: 'stream_idle', retryable: false,
    message: `The body from ${host} sent nothing for ${idleMs} ms${why} (option "streamIdleTimeout").`,
  });
  /** Ends the body now: the pending read (if any) returns, and the next one throws `error`. */
  const stop = (error: Error) => {
    failure ??= error;
    clearTimeout(unreadTimer);
    reader?.cancel(error).catch(() => undefined);
    started.then(({ response }) => (reader ? undefined : response.body?.cancel(error)), () => undefined).catch(() => undefined);
  };
  const onAbort = () => stop(abortError(linked.signal, 'Stream'));
  linked.signal.addEventListener('abort', onAbort, { once: true });
  const release = () => {
    clearTimeout(unreadTimer);
    linked.signal.removeEventListener('abort', onAbort);
    linked.dispose();
  };
  const responseMeta = started.then(({ meta }) => {
    attachResponseMeta(stream, meta);
    // Started but never read: do not hold the socket forever.
    if (!reading && idleMs !== undefined) {
      unreadTimer = setTimeout(() => {
        stop(idleError(' while nobody read it'));
        release();
      }, idleMs);
    }
    return meta;
  });
  responseMeta.catch(() => release());

  const stream = new ReadableStream<Uint8Array>({
    async pull(output) {
      reading = true;
      clearTimeout(unreadTimer);
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const { response } = await started;
        if (failure) throw failure;
        reader ??= chunkReaderOf(response);
        if (reader === undefined) {
          release();
          return output.close();
        }
        if (idleMs !== undefined) timer = setTimeout(() => stop(idleError()), idleMs);
        const next = await reader.read();
        if (failure) throw failure;
        if (next.done) {
          release();
          return output.close();
        }
        output.enqueue(next.value);
      } catch (error) {
        release();
        reader?.cancel().catch(() => undefined);
        output.error(failure ?? (OpenAIError.isInstance(error) ? error : new NetworkError({
          kind: 'stream_interrupted', retryable: false, cause: error,
          message: `The body from ${host} was cut off before it finished${codeOf(error)}.`,
        })));
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      stop(abortError(undefined, 'Stream'));
      controller.abort(reason);
      release();
    },
  }, { highWaterMark: 0 });
  return decorate(stream, responseMeta, (reason) => controller.abort(reason));
}
