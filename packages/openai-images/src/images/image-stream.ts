/**
 * A streamed generation or edit: async-iterable typed events (partial images, then the
 * completed image), `abort()`, response metadata, and `finalImage()`. The same contract as a
 * chat stream (core's `FinalResultStream`): started at once, read once, breaking out of the
 * loop aborts the request.
 */
import { FinalResultStream, NetworkError, type SseStream } from '@integrations/openai-core';
import type { ImageEditCompletedEvent, ImageEditStreamEvent, ImageGenCompletedEvent, ImageGenStreamEvent } from './images-types.js';

/**
 * The result of `generateStream` and `editStream`.
 *
 * @example
 * const stream = images.generateStream({ model: 'gpt-image-1', prompt: 'A red kite', partial_images: 2 });
 * for await (const event of stream) if (event.type === 'image_generation.partial_image') show(imageBytes(event));
 * const final = await stream.finalImage(); // the completed event: b64_json, usage
 */
export class ImageStream<Event extends { type: string }, Completed extends Event> extends FinalResultStream<Event, Completed> {
  constructor(source: SseStream<Event>, completedType: Completed['type']) {
    let completed: Completed | undefined;
    super(source, {
      take: (event) => {
        if (event.type === completedType) completed = event as Completed;
        return event;
      },
      finish: (meta) => {
        if (completed === undefined) {
          throw new NetworkError({ kind: 'stream_interrupted', retryable: false, requestId: meta?.requestId, message: `The image stream ended without its ${completedType} event.` });
        }
        return completed;
      },
      whenStopped: 'there is no final image',
    });
  }

  /** The completed event (the final image and usage), reading the rest of the stream if needed. */
  finalImage(): Promise<Completed> {
    return this.result();
  }
}

/** The stream of `generateStream`. */
export type ImageGenerationStream = ImageStream<ImageGenStreamEvent, ImageGenCompletedEvent>;

/** The stream of `editStream`. */
export type ImageEditStream = ImageStream<ImageEditStreamEvent, ImageEditCompletedEvent>;
