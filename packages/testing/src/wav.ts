/**
 * WAV for the mock's speech: 24 kHz, 16-bit mono PCM (the API's `pcm` format), a soft tone
 * whose length follows the text, and the text itself in a LIST/INFO comment chunk, so the
 * mock's transcription of its own speech gives the sentence back.
 */

/** The API's PCM rate. */
export const SAMPLE_RATE = 24_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Seconds of audio for `text`: about 60 ms a character, at least half a second, at most 30 s. */
export function speechSeconds(text: string): number {
  return Math.min(30, Math.max(0.5, text.length * 0.06));
}

/**
 * 16-bit little-endian mono samples of a tone lasting `seconds`.
 *
 * @example
 * const pcm = pcmTone(1); // 48,000 bytes
 */
export function pcmTone(seconds: number): Uint8Array {
  const count = Math.round(seconds * SAMPLE_RATE);
  const samples = new Uint8Array(count * 2);
  const view = new DataView(samples.buffer);
  for (let index = 0; index < count; index++) view.setInt16(index * 2, Math.round(3000 * Math.sin((2 * Math.PI * 440 * index) / SAMPLE_RATE)), true);
  return samples;
}

function riffChunk(id: string, data: Uint8Array): Uint8Array {
  const padded = data.byteLength + (data.byteLength % 2);
  const out = new Uint8Array(8 + padded);
  out.set(encoder.encode(id), 0);
  new DataView(out.buffer).setUint32(4, data.byteLength, true);
  out.set(data, 8);
  return out;
}

/**
 * A WAV file speaking `text` (a tone, with the text in its comment chunk).
 *
 * @example
 * const wav = encodeWav('Hello there.');
 */
export function encodeWav(text: string): Uint8Array {
  const format = new Uint8Array(16);
  const view = new DataView(format.buffer);
  view.setUint16(0, 1, true); // PCM
  view.setUint16(2, 1, true); // mono
  view.setUint32(4, SAMPLE_RATE, true);
  view.setUint32(8, SAMPLE_RATE * 2, true); // bytes per second
  view.setUint16(12, 2, true); // block align
  view.setUint16(14, 16, true); // bits per sample
  const comment = riffChunk('ICMT', encoder.encode(`${text}\0`));
  const info = riffChunk('LIST', new Uint8Array([...encoder.encode('INFO'), ...comment]));
  const parts = [encoder.encode('WAVE'), riffChunk('fmt ', format), info, riffChunk('data', pcmTone(speechSeconds(text)))];
  const body = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }
  return riffChunk('RIFF', body);
}

/** What the mock reads back from a WAV: its duration and the text in its comment, if any. */
export interface WavInfo {
  seconds: number;
  text?: string;
}

/**
 * Reads a WAV's duration and comment; undefined when `bytes` is not a WAV.
 *
 * @example
 * readWav(encodeWav('Hi.')); // { seconds: 0.5, text: 'Hi.' }
 */
export function readWav(bytes: Uint8Array): WavInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = (offset: number) => decoder.decode(bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 12 || id(0) !== 'RIFF' || id(8) !== 'WAVE') return undefined;
  let byteRate = SAMPLE_RATE * 2;
  let seconds = 0;
  let text: string | undefined;
  const walk = (start: number, end: number) => {
    for (let offset = start; offset + 8 <= end;) {
      const size = view.getUint32(offset + 4, true);
      const name = id(offset);
      if (name === 'fmt ' && size >= 12) byteRate = view.getUint32(offset + 16, true) || byteRate;
      if (name === 'data') seconds = size / byteRate;
      if (name === 'LIST' && id(offset + 8) === 'INFO') walk(offset + 12, Math.min(end, offset + 8 + size));
      if (name === 'ICMT') text = decoder.decode(bytes.subarray(offset + 8, offset + 8 + size)).replace(/\0+$/, '');
      offset += 8 + size + (size % 2);
    }
  };
  walk(12, bytes.byteLength);
  return { seconds, ...(text === undefined ? {} : { text }) };
}
