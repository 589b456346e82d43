/**
 * A streamed generation or edit: async-iterable typed events (partial images, then the
 * completed image), `abort()`, response metadata, and `finalImage()`. The same contract as a
 * chat stream: started at once, read once, breaking out of the loop aborts the request.
 */
import { NetworkError, RequestError, type ResponseMeta, type SseStream } from '@integrations/openai-core';
import { attachResponseMeta } from '@integrations/openai-core/internal';
import type { ImageEditCompletedEvent, ImageEditStreamEvent, ImageGenCompletedEvent, ImageGenStreamEvent } from './images-types.js';

/**
 * The result of `generateStream` and `editStream`.
 *
 * @example
 * const stream = images.generateStream({ model: 'gpt-image-1', prompt: 'A red kite', partial_images: 2 });
 * for await (const event of stream) if (event.type === 'image_generation.partial_image') show(imageBytes(event));
 * const final = await stream.finalImage(); // the completed event: b64_json, usage
 */
export class ImageStream<Event extends { type: string }, Completed extends Event> implements AsyncIterable<Event> {
  readonly #source: SseStream<Event>;
  readonly #completedType: Completed['type'];
  readonly #final: Promise<Completed>;
  #settle!: { resolve(event: Completed): void; reject(error: unknown): void };
  #started = false;

  constructor(source: SseStream<Event>, completedType: Completed['type']) {
    this.#source = source;
    this.#completedType = completedType;
    this.#final = new Promise<Completed>((resolve, reject) => (this.#settle = { resolve, reject }));
    this.#final.catch(() => undefined); // read through finalImage(); never unhandled
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
    let completed: Completed | undefined;
    let finished = false;
    try {
      for await (const event of this.#source) {
        if (event.type === this.#completedType) completed = event as Completed;
        yield event;
      }
      finished = true;
      if (completed === undefined) {
        throw new NetworkError({ kind: 'stream_interrupted', retryable: false, requestId: this.#source.meta?.requestId, message: `The image stream ended without its ${this.#completedType} event.` });
      }
      const meta = this.#source.meta;
      this.#settle.resolve(meta ? attachResponseMeta(completed, meta) : completed);
    } catch (error) {
      this.#settle.reject(error);
      throw error;
    } finally {
      // Reached without an error only when the caller stopped early (a `break`, or `return()`).
      if (!finished) this.#settle.reject(new RequestError({ kind: 'aborted', message: 'The stream was stopped before it finished (the loop broke out early), so there is no final image.' }));
    }
  }

  /** The completed event (the final image and usage), reading the rest of the stream if needed. */
  async finalImage(): Promise<Completed> {
    if (!this.#started) for await (const _event of this) { /* read to the end */ }
    return this.#final;
  }
}

/** The stream of `generateStream`. */
export type ImageGenerationStream = ImageStream<ImageGenStreamEvent, ImageGenCompletedEvent>;

/** The stream of `editStream`. */
export type ImageEditStream = ImageStream<ImageEditStreamEvent, ImageEditCompletedEvent>;
