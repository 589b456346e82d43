/**
 * A stream that passes its source's items through and, when the source ends cleanly, settles one
 * final result: chat's assembled completion, audio's and images' final event. The contract every
 * such stream shares: started at once, read once, `abort()`, response metadata, a final result
 * that rejects when the stream fails or the caller stops early, and no generator resumed per item.
 */
import { RequestError } from '../errors/errors.js';
import { attachResponseMeta, type ResponseMeta } from '../transport/response-meta.js';
import { TAKE_QUEUED, type SseIterator } from './sse-iterator.js';
import type { SseStream } from './sse-stream.js';

/** What a stream does with its items, and how it finds its result. */
export interface StreamFinish<Item, Result> {
  /** Sees each item as it passes and returns what to yield (the item, or a decoded copy). Throwing ends the stream. */
  take(item: Item): Item;
  /** The result once the source ended cleanly; throw (say, `stream_interrupted`) when there is none. */
  finish(meta: ResponseMeta | undefined): Result;
  /** What the caller is told when it stopped early, e.g. "there is no final image". */
  whenStopped: string;
}

/**
 * The base of `ChatCompletionStream`, `ImageStream` and the audio event streams.
 *
 * @example
 * class LastEventStream extends FinalResultStream<Event, Event> {
 *   finalEvent() { return this.result(); }
 * }
 */
export class FinalResultStream<Item, Result> implements AsyncIterable<Item> {
  readonly #source: SseStream<Item>;
  readonly #finish: StreamFinish<Item, Result>;
  readonly #final: Promise<Result>;
  #settle!: { resolve(result: Result): void; reject(error: unknown): void };
  #started = false;

  constructor(source: SseStream<Item>, finish: StreamFinish<Item, Result>) {
    this.#source = source;
    this.#finish = finish;
    this.#final = new Promise<Result>((resolve, reject) => (this.#settle = { resolve, reject }));
    this.#final.catch(() => undefined); // read through result(); never unhandled
  }

  /** Resolves once headers arrive. */
  get responseMeta(): Promise<ResponseMeta> {
    return this.#source.responseMeta;
  }

  /** The metadata, once headers have arrived. */
  get meta(): ResponseMeta | undefined {
    return this.#source.meta;
  }

  /** Aborts the request; iteration ends with a typed `aborted` error. */
  abort(reason?: unknown): void {
    this.#source.abort(reason);
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    this.#started = true;
    // The source's iterator is taken on the first next(): taking it starts reading, and an
    // iterator taken but not read (`Readable.from(stream)`) must leave the unread clock running.
    let taken: Partial<SseIterator<Item>> & AsyncIterator<Item> | undefined;
    const source = {
      next: () => (taken ??= this.#source[Symbol.asyncIterator]()).next(),
      return: () => taken?.return?.() ?? (this.#source.abort(), Promise.resolve({ value: undefined, done: true as const })),
    };
    let ended = false;
    const end = (failed: boolean, error?: unknown) => {
      if (ended) return;
      ended = true;
      if (failed) return this.#settle.reject(error);
      try {
        const meta = this.#source.meta;
        const result = this.#finish.finish(meta);
        // `getResponseMeta(await stream.result())` works as for a plain call.
        this.#settle.resolve(meta ? attachResponseMeta(result, meta) : result);
      } catch (error) {
        this.#settle.reject(error);
        throw error;
      }
    };
    const onStep = (step: IteratorResult<Item>): IteratorResult<Item> => {
      if (step.done) {
        end(false);
        return step;
      }
      try {
        return { value: this.#finish.take(step.value), done: false };
      } catch (error) {
        end(true, error);
        void source.return();
        throw error;
      }
    };
    const onError = (error: unknown): never => {
      end(true, error);
      throw error;
    };
    return {
      next: () => {
        // An event already decoded is handed on at once (one promise); otherwise wait for a read.
        if (taken !== undefined) {
          try {
            // Optional: a source from another copy of core has no such key (nor does a subclass's).
            const step = taken[TAKE_QUEUED]?.();
            if (step !== undefined) return Promise.resolve(onStep(step));
          } catch (error) {
            end(true, error);
            return Promise.reject(error);
          }
        }
        return source.next().then(onStep, onError);
      },
      return: () => {
        // The caller stopped early (a `break`, or `return()`): there is no final result.
        end(true, new RequestError({ kind: 'aborted', message: `The stream was stopped before it finished (the loop broke out early), so ${this.#finish.whenStopped}.` }));
        return source.return();
      },
    };
  }

  /** The final result, reading the rest of the stream first when nobody iterates it. */
  protected async result(): Promise<Result> {
    if (!this.#started) for await (const _item of this) { /* read to the end */ }
    return this.#final;
  }
}
