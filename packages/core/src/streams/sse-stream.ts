/**
 * A typed, single-use stream of server-sent events: started at once, async-iterable, abortable,
 * and strict about endings. `[DONE]` ends it; an error event throws a typed API error; an end
 * of body before `[DONE]` throws `stream_interrupted` instead of ending silently.
 */
import { ApiKey } from '../config/api-key.js';
import { abortError, linkSignals, type LinkedSignal } from '../transport/abort.js';
import { classifyFailure } from '../errors/classify-failure.js';
import { classifyStreamError, type ApiErrorObject } from '../errors/classify-response.js';
import { NetworkError, RequestError, ResponseError } from '../errors/errors.js';
import type { ResponseMeta } from '../transport/response-meta.js';
import { SseDecoder, type ServerSentEvent } from './sse-decoder.js';
import { chunkReaderOf, type ChunkReader } from './chunk-reader.js';
import { drainAfterDone } from './drain-after-done.js';
import { primedBodyOf } from './primed-body.js';
import { failingIterator, TAKE_QUEUED, type SseIterator } from './sse-iterator.js';

/** What a started stream request resolves to. */
export interface StartedStream {
  response: Response;
  meta: ResponseMeta;
}

/** How the stream reads its events. */
export interface SseStreamOptions {
  /** Starts the HTTP request with the stream's own signal. Called once, at construction. */
  start(signal: AbortSignal): Promise<StartedStream>;
  apiKey: ApiKey;
  /** `done`: the stream must end with `data: [DONE]` (chat). `eof`: a clean end of body is fine. */
  terminal?: 'done' | 'eof';
  /** `data`: yield parsed JSON data. `event`: yield `{ event, data }` with parsed data. */
  mode?: 'data' | 'event';
  /** The caller's signal: aborting it ends the stream with a typed `aborted` error. */
  signal?: AbortSignal;
  /** Called for each delivered event (metrics). */
  onEvent?(event: ServerSentEvent): void;
  /** Longest silence between chunks (comments count as activity) before a `stream_idle` timeout. */
  idleTimeoutMs?: number;
}

/** An event with its name, yielded in `mode: 'event'` (Assistants streams name their events). */
export interface NamedEvent<T = unknown> {
  event: string;
  data: T;
}

const DONE = Symbol('done');

/**
 * A stream of typed chunks. Breaking out of `for await` aborts the request and frees the socket.
 *
 * @example
 * const stream = core.stream<ChatCompletionChunk>('/chat/completions', { body });
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
 */
export class SseStream<T> implements AsyncIterable<T> {
  readonly #controller = new AbortController();
  /** Aborts on the caller's signal or on `abort()`; unlinked from the caller's when the stream ends. */
  readonly #linked: LinkedSignal;
  readonly #options: SseStreamOptions;
  readonly #started: Promise<StartedStream>;
  #meta: ResponseMeta | undefined;
  #iterated = false;
  /** Set by the abort listener: read once per event, a field is cheaper than the signal's getter. */
  #aborted = false;
  /** Set once reading starts; until then the idle clock runs on the unread stream itself. */
  #reading = false;
  #expiredUnread = false;
  /** Resolves with the response metadata once headers arrive; rejects if the request fails. */
  readonly responseMeta: Promise<ResponseMeta>;

  constructor(options: SseStreamOptions) {
    this.#options = options;
    this.#linked = linkSignals([options.signal, this.#controller.signal]);
    // An abort (ours or the caller's) also cancels the reader: a pending read then ends at once
    // even when the body does not follow the signal (a custom fetch or transport).
    this.#linked.signal.addEventListener('abort', () => {
      this.#aborted = true;
      this.#reader?.cancel().catch(() => undefined);
    }, { once: true });
    // A signal aborted already fires no event: start from its state.
    this.#aborted = this.#linked.signal.aborted;
    this.#started = startSafely(options, this.#linked.signal).then((started) => {
      this.#meta = started.meta;
      this.#startUnreadClock(started.response);
      return started;
    });
    this.responseMeta = this.#started.then((started) => started.meta);
    // Nobody may ever await these; a failed request must not become an unhandled rejection.
    // A stream that failed to start is over: unlink it from the caller's signal now, or a
    // stream nobody reads would keep its listener on a long-lived signal for good.
    this.#started.catch(() => this.#linked.dispose());
    this.responseMeta.catch(() => undefined);
  }

  /**
   * A stream that fails with `error` on its first read: what a stream method returns instead of
   * throwing when its input is bad.
   *
   * @example
   * return new ChatCompletionStream(SseStream.failed(error));
   */
  static failed<T>(error: unknown): SseStream<T> {
    return new SseStream<T>({ start: () => Promise.reject(error), apiKey: new ApiKey('') });
  }

  /** The response metadata, once headers have arrived. */
  get meta(): ResponseMeta | undefined {
    return this.#meta;
  }

  /** The signal that aborts this stream's request. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Ends the stream now: the request is cancelled and iteration throws a typed `aborted` error. */
  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  /** A second iteration fails on its first `next()` (never synchronously): a stream is read once. */
  [Symbol.asyncIterator](): SseIterator<T> {
    if (this.#iterated) return failingIterator(new RequestError({ kind: 'stream_consumed', message: 'A stream can be iterated only once; read it in a single loop.' }));
    this.#iterated = true;
    // A plain iterator rather than an async generator: a chunk of many events hands them out
    // from a queue, one resolved promise each, with no generator resumed per event.
    return {
      next: () => this.#next(),
      return: () => {
        this.#close(false);
        return Promise.resolve({ value: undefined, done: true });
      },
      [TAKE_QUEUED]: () => this.#takeQueued(),
    };
  }

  /** The next item when it is decoded and waiting and no read is in flight; throws for an error event. */
  #takeQueued(): IteratorResult<T> | undefined {
    if (!this.#reading || this.#busy || this.#closed || this.#queued >= this.#queue.length) return undefined;
    // A [DONE] that came before the end of the body waits for it: the asynchronous path.
    if (!this.#bodyEnded && this.#queue[this.#queued]!.data === '[DONE]') return undefined;
    try {
      return this.#deliver() as IteratorResult<T>;
    } catch (error) {
      this.#close(false);
      throw error;
    }
  }

  /**
   * A stream that is started but never read must not hold its socket forever: after the idle
   * limit with nobody reading, the request is cancelled, and a late reader gets the timeout.
   */
  #startUnreadClock(response: Response): void {
    const idleMs = this.#options.idleTimeoutMs;
    if (idleMs === undefined || this.#reading) return;
    const timer = setTimeout(() => {
      if (this.#reading) return;
      this.#expiredUnread = true;
      // A primed body is locked to its reader: cancel through that.
      (primedBodyOf(response)?.reader ?? response.body)?.cancel().catch(() => undefined);
      this.#controller.abort();
      this.#linked.dispose();
    }, idleMs);
    this.#stopUnreadClock = () => clearTimeout(timer);
  }

  #stopUnreadClock: () => void = () => undefined;

  // Iteration state: decoded events not yet handed out, and whether the stream is over.
  #reader: ChunkReader | undefined;
  #decoder = new SseDecoder();
  #queue: ServerSentEvent[] = [];
  #queued = 0;
  #bodyEnded = false;
  #closed = false;
  /** The `next()` in flight: a second call waits for it, as an async generator's would. */
  #busy: Promise<unknown> | undefined;

  #next(): Promise<IteratorResult<T>> {
    // Reading starts with the first next(), not when the iterator is taken: `Readable.from` and
    // `ReadableStream.from` take it at once, and an unread stream must still be released.
    if (!this.#reading) {
      this.#reading = true;
      this.#stopUnreadClock();
    }
    if (this.#busy) return this.#busy.then(() => this.#next(), () => this.#next());
    if (this.#closed) return Promise.resolve({ value: undefined, done: true });
    if (this.#queued < this.#queue.length) {
      try {
        return Promise.resolve(this.#deliver());
      } catch (error) {
        this.#close(false);
        return Promise.reject(error);
      }
    }
    const pending = this.#fill();
    this.#busy = pending;
    const clear = () => {
      if (this.#busy === pending) this.#busy = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }

  /** Reads until an event can be handed out, or the stream ends. */
  async #fill(): Promise<IteratorResult<T>> {
    try {
      if (this.#reader === undefined) await this.#open();
      for (;;) {
        if (this.#queued < this.#queue.length) return this.#deliver();
        if (this.#bodyEnded) {
          if (this.#options.terminal !== 'eof') throw this.#interrupted('the body ended before [DONE]');
          this.#close(true);
          return { value: undefined, done: true };
        }
        const chunk = await this.#read(this.#reader!);
        if (this.#aborted) throw abortError(this.#linked.signal, 'Stream');
        this.#queue = chunk.done ? this.#decoder.end() : this.#decoder.push(chunk.value);
        this.#queued = 0;
        if (chunk.done) this.#bodyEnded = true;
      }
    } catch (error) {
      this.#close(false);
      throw error;
    }
  }

  async #open(): Promise<void> {
    const { response } = await this.#started;
    if (this.#expiredUnread) throw this.#idleTimeout(' while nobody read it');
    const primed = primedBodyOf(response);
    if (primed) {
      this.#reader = primed.reader;
      this.#decoder = primed.decoder;
      this.#queue = primed.events;
      this.#queued = 0;
      return;
    }
    this.#reader = chunkReaderOf(response);
    if (this.#reader === undefined) throw this.#interrupted('the response had no body');
  }

  /**
   * The next event's item, or the end when it is `[DONE]`. Throws for an error event, and once
   * the stream was aborted: `abort()` ends it now, even with decoded events still waiting.
   */
  #deliver(): IteratorResult<T> | Promise<IteratorResult<T>> {
    if (this.#aborted) throw abortError(this.#linked.signal, 'Stream');
    const item = this.#handle(this.#queue[this.#queued++]!);
    if (item !== DONE) return { value: item as T, done: false };
    if (!this.#bodyEnded) return this.#endWithBody();
    this.#close(true);
    return { value: undefined, done: true };
  }

  /**
   * `[DONE]` came before the end of the body: the loop ends once the body has (normally the next
   * packet), within drain-after-done.ts's limits, so that when the caller's loop is over the
   * connection is back in the pool for the next request. The official SDK's loop, too, ends with
   * the body; cancelling it instead would close the connection.
   */
  #endWithBody(): Promise<IteratorResult<T>> {
    this.#queue = [];
    this.#queued = 0;
    const ended = drainAfterDone(this.#reader!).then((): IteratorResult<T> => {
      this.#bodyEnded = true;
      this.#close(true);
      return { value: undefined, done: true };
    });
    // A next() called meanwhile waits for the end, and must not read the body alongside the drain.
    this.#busy = ended;
    void ended.then(() => {
      if (this.#busy === ended) this.#busy = undefined;
    });
    return ended;
  }

  /** Ends iteration once: a stream stopped early cancels its request; every end frees the socket. */
  #close(finished: boolean): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue = [];
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    if (!finished) this.#controller.abort();
    // A body still open is cancelled, which closes its connection; one read to its end (a clean
    // finish, see #endWithBody) has nothing left to free.
    if (!this.#bodyEnded) this.#reader?.cancel().catch(() => undefined);
    this.#linked.dispose();
  }

  // The idle clock: one timer for the stream, not one per read. A read notes when it started;
  // the timer, when it fires, re-arms for what is left of the limit unless a read has been
  // waiting for all of it. Time the caller spends between reads is not idleness.
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #waitingSince = -1;
  #idled = false;

  #checkIdle = (): void => {
    this.#idleTimer = undefined;
    const idleMs = this.#options.idleTimeoutMs!;
    if (this.#waitingSince < 0 || this.#closed) return;
    const left = idleMs - (Date.now() - this.#waitingSince);
    if (left > 0) {
      this.#idleTimer = setTimeout(this.#checkIdle, left);
      return;
    }
    this.#idled = true;
    // The abort also cancels the reader (the listener set in the constructor), which settles the
    // pending read at once, whatever the transport does with the abort.
    this.#controller.abort();
  };

  /** Reads one chunk under the idle limit, when one is set; a failure is typed here. */
  async #read(reader: ChunkReader): Promise<ReadableStreamReadResult<Uint8Array>> {
    const idleMs = this.#options.idleTimeoutMs;
    if (idleMs !== undefined) {
      this.#waitingSince = Date.now();
      if (this.#idleTimer === undefined) this.#idleTimer = setTimeout(this.#checkIdle, idleMs);
    }
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (this.#idled) throw this.#idleTimeout();
      throw classifyFailure(error, { phase: 'stream', callerSignal: this.#linked.signal });
    } finally {
      this.#waitingSince = -1;
    }
    if (this.#idled) throw this.#idleTimeout();
    return chunk;
  }

  #idleTimeout(why = ''): NetworkError {
    return new NetworkError({
      kind: 'timeout',
      timeoutKind: 'stream_idle',
      retryable: false,
      requestId: this.#meta?.requestId,
      message: `The stream was idle for ${this.#options.idleTimeoutMs} ms${why} (option "streamIdleTimeout").`,
    });
  }

  #handle(event: ServerSentEvent): unknown {
    if (event.data === '[DONE]') return DONE;
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch (error) {
      if (event.event === 'error') throw classifyStreamError({ message: event.data }, this.#options.apiKey, this.#meta?.requestId);
      throw new ResponseError({
        kind: 'invalid_json',
        message: `A stream event was not valid JSON: ${JSON.stringify(this.#options.apiKey.redactIn(event.data).slice(0, 200))}`,
        requestId: this.#meta?.requestId,
        cause: error,
      });
    }
    const apiError = errorObjectOf(event, data);
    if (apiError) throw classifyStreamError(apiError, this.#options.apiKey, this.#meta?.requestId);
    this.#options.onEvent?.(event);
    return this.#options.mode === 'event' ? ({ event: event.event, data } satisfies NamedEvent) : data;
  }

  #interrupted(why: string): NetworkError {
    return new NetworkError({
      kind: 'stream_interrupted',
      message: `The event stream was cut off: ${why}.`,
      requestId: this.#meta?.requestId,
      retryable: false,
    });
  }
}

/** Calls `start`, turning a synchronous throw into a rejection (read on the first `next()`). */
async function startSafely(options: SseStreamOptions, signal: AbortSignal): Promise<StartedStream> {
  return options.start(signal);
}

/** The API error carried by an `error` event, or by a data payload shaped `{ "error": {...} }`. */
function errorObjectOf(event: ServerSentEvent, data: unknown): ApiErrorObject | undefined {
  if (typeof data !== 'object' || data === null) return event.event === 'error' ? { message: String(data) } : undefined;
  const inner = (data as { error?: unknown }).error;
  if (typeof inner === 'object' && inner !== null) return inner as ApiErrorObject;
  return event.event === 'error' ? (data as ApiErrorObject) : undefined;
}
