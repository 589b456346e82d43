/** A streamed transcription: typed `transcript.text.*` events, the text alone, and the final text with usage. */
import { AudioEventStream } from './audio-event-stream.js';
import type { TranscriptionStreamEvent, TranscriptTextDoneEvent } from './audio-types.js';

/**
 * The result of `transcribeStream`.
 *
 * @example
 * const stream = audio.transcribeStream({ file: { path: 'call.wav' }, model: 'gpt-4o-mini-transcribe' });
 * for await (const text of stream.textStream()) process.stdout.write(text);
 * const done = await stream.finalTranscription(); // text, usage
 */
export class TranscriptionStream extends AudioEventStream<TranscriptionStreamEvent, TranscriptTextDoneEvent> {
  /** Only the text: each `transcript.text.delta`. */
  async *textStream(): AsyncGenerator<string> {
    for await (const event of this) if (event.type === 'transcript.text.delta') yield event.delta;
  }

  /** The `transcript.text.done` event (whole text, usage, logprobs), reading the rest of the stream if needed. */
  finalTranscription(): Promise<TranscriptTextDoneEvent> {
    return this.finalEvent();
  }

  /** The whole transcript text. */
  async finalText(): Promise<string> {
    return (await this.finalEvent()).text;
  }
}
