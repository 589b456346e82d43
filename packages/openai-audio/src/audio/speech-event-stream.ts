/** Speech as server-sent events (`stream_format: 'sse'`): typed events with their audio decoded. */
import { decodeBase64 } from './decode-base64.js';
import { AudioEventStream } from './audio-event-stream.js';
import type { SpeechAudioDoneEvent, SpeechStreamEvent } from './audio-types.js';

/** Adds the decoded bytes to a delta event as it arrives. */
export function decodeSpeechEvent(event: SpeechStreamEvent): SpeechStreamEvent {
  if (event.type !== 'speech.audio.delta' || typeof event.audio !== 'string') return event;
  return { ...event, bytes: decodeBase64(event.audio) };
}

/**
 * The result of `speechEvents`.
 *
 * @example
 * const stream = audio.speechEvents({ model: 'gpt-4o-mini-tts', voice: 'coral', input: 'Hello!', response_format: 'pcm' });
 * for await (const chunk of stream.audio()) speaker.write(chunk);
 * const { usage } = await stream.finalEvent();
 */
export class SpeechEventStream extends AudioEventStream<SpeechStreamEvent, SpeechAudioDoneEvent> {
  /** Only the audio: the decoded bytes of each `speech.audio.delta`. */
  async *audio(): AsyncGenerator<Uint8Array> {
    for await (const event of this) if (event.type === 'speech.audio.delta') yield event.bytes;
  }
}
