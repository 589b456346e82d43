/**
 * A typed event stream that ends with one final event (`transcript.text.done`,
 * `speech.audio.done`): async-iterable, `abort()`, response metadata, and the final event once
 * read. The same contract as a chat stream (core's `FinalResultStream`): started at once, read
 * once, breaking out of the loop aborts the request; a body that ends without the final event is
 * `stream_interrupted`.
 */
import { FinalResultStream, NetworkError, type SseStream } from '@integrations/openai-core';

/**
 * The base of `TranscriptionStream` and `SpeechEventStream`.
 *
 * @example
 * const stream = audio.transcribeStream({ file: { path: 'note.wav' }, model: 'gpt-4o-mini-transcribe' });
 * for await (const event of stream) console.log(event.type);
 * const done = await stream.finalEvent(); // transcript.text.done
 */
export class AudioEventStream<Event extends { type: string }, Final extends Event> extends FinalResultStream<Event, Final> {
  /** `map` turns each wire event into the yielded one (speech decodes its audio). */
  constructor(source: SseStream<Event>, finalType: Final['type'], map: (event: Event) => Event = (event) => event) {
    let final: Final | undefined;
    super(source, {
      take: (wire) => {
        const event = map(wire);
        if (event.type === finalType) final = event as Final;
        return event;
      },
      finish: (meta) => {
        if (final === undefined) {
          throw new NetworkError({ kind: 'stream_interrupted', retryable: false, requestId: meta?.requestId, message: `The stream ended without its ${finalType} event.` });
        }
        return final;
      },
      whenStopped: 'there is no final event',
    });
  }

  /** The final event, reading the rest of the stream if needed. */
  finalEvent(): Promise<Final> {
    return this.result();
  }
}
