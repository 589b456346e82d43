/**
 * A typed event stream that ends with one final event (`transcript.text.done`,
 * `speech.audio.done`): async-iterable, `abort()`, response metadata, and the final event once
 * read. The same contract as a chat stream: started at once, read once, breaking out of the
 * loop aborts the request; a body that ends without the final event is `stream_interrupted`.
 */
import { NetworkError, RequestError, type ResponseMeta, type SseStream } from '@integrations/openai-core';
import { attachResponseMeta } from '@integrations/openai-core/internal';

/**
 * The base of `TranscriptionStream` and `SpeechEventStream`.
 *
 * @example
 * const stream = audio.transcribeStream({ file: { path: 'note.wav' }, model: 'gpt-4o-mini-transcribe' });
 * for await (const event of stream) console.log(event.type);
 * const done = await stream.finalEvent(); // transcript.text.done
 */
export class AudioEventStream<Event extends { type: string }, Final extends Event> implements AsyncIterable<Event> {
  readonly #source: SseStream<Event>;
  readonly #finalType: Final['type'];
  readonly #map: (event: Event) => Event;
  readonly #final: Promise<Final>;
  #settle!: { resolve(event: Final): void; reject(error: unknown): void };
  #started = false;

  /** `map` turns each wire event into the yielded one (speech decodes its audio). */
  constructor(source: SseStream<Event>, finalType: Final['type'], map: (event: Event) => Event = (event) => event) {
    this.#source = source;
    this.#finalType = finalType;
    this.#map = map;
    this.#final = new Promise<Final>((resolve, reject) => (this.#settle = { resolve, reject }));
    this.#final.catch(() => undefined); // read through the final helpers; never unhandled
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

  async *[Symbol.asyncIterator](): AsyncGenerator<Event> {
    this.#started = true;
    let final: Final | undefined;
    let finished = false;
    try {
      for await (const wire of this.#source) {
        const event = this.#map(wire);
        if (event.type === this.#finalType) final = event as Final;
        yield event;
      }
      finished = true;
      if (final === undefined) {
        throw new NetworkError({ kind: 'stream_interrupted', retryable: false, requestId: this.#source.meta?.requestId, message: `The stream ended without its ${this.#finalType} event.` });
      }
      const meta = this.#source.meta;
      this.#settle.resolve(meta ? attachResponseMeta(final, meta) : final);
    } catch (error) {
      this.#settle.reject(error);
      throw error;
    } finally {
      // Reached without an error only when the caller stopped early (a `break`, or `return()`).
      if (!finished) this.#settle.reject(new RequestError({ kind: 'aborted', message: 'The stream was stopped before it finished (the loop broke out early), so there is no final event.' }));
    }
  }

  /** The final event, reading the rest of the stream if needed. */
  async finalEvent(): Promise<Final> {
    if (!this.#started) for await (const _event of this) { /* read to the end */ }
    return this.#final;
  }
}
