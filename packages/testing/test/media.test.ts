/** The mock's images and audio routes, on the engine itself (as msw serves it) and over a real socket. */
import { inflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockOpenAI, encodePng, encodeWav, pngSize, readWav, startMockServer, type MockServer } from '../src/index.js';

const auth = { authorization: 'Bearer sk-test' };
const engine = createMockOpenAI();
const postJson = (path: string, body: unknown) => engine.handle(new Request(`http://mock/v1${path}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
const postForm = (path: string, form: FormData) => engine.handle(new Request(`http://mock/v1${path}`, { method: 'POST', headers: auth, body: form }));
afterEach(() => engine.reset());

/** Decodes a PNG enough to prove it is one: chunk CRCs, and an IDAT that inflates to one filtered RGB image. */
function decodePng(bytes: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = pngSize(bytes)!;
  const idat: Uint8Array[] = [];
  for (let offset = 8; offset < bytes.byteLength;) {
    const length = view.getUint32(offset);
    const type = new TextDecoder().decode(bytes.subarray(offset + 4, offset + 8));
    if (type === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const pixels = new Uint8Array(inflateSync(Buffer.concat(idat)));
  return { ...size, pixels };
}

describe('encodePng', () => {
  it('makes a valid PNG that decodes to the given size', async () => {
    const { width, height, pixels } = decodePng(await encodePng(7, 3, [10, 20, 30], [200, 100, 0]));
    expect({ width, height }).toEqual({ width: 7, height: 3 });
    expect(pixels.byteLength).toBe(3 * (1 + 7 * 3));
    expect([...pixels.subarray(0, 1)]).toEqual([0]); // filter: none
    expect([...pixels.subarray(1 + 3 * 6, 1 + 3 * 7)]).toEqual([10, 20, 30]);
  });

  it('reads no size from bytes that are not a PNG', () => {
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe('encodeWav and readWav', () => {
  it('round-trip the spoken text and the duration', () => {
    const wav = encodeWav('Hello, world.');
    expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe('RIFF');
    expect(readWav(wav)).toEqual({ seconds: 0.78, text: 'Hello, world.' });
    expect(readWav(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe('mock images', () => {
  it('generates PNGs of the requested size as b64_json, with usage', async () => {
    const body = await (await postJson('/images/generations', { model: 'gpt-image-1', prompt: 'A fox', size: '1536x1024', n: 2 })).json();
    expect(body.data).toHaveLength(2);
    expect(decodePng(Buffer.from(body.data[1].b64_json, 'base64'))).toMatchObject({ width: 1536, height: 1024 });
    expect(body.usage.total_tokens).toBe(body.usage.input_tokens + body.usage.output_tokens);
  });

  it('answers an upload edit with an image of the first upload\'s size, and refuses a missing image', async () => {
    const form = new FormData();
    form.append('image[]', new File([await encodePng(12, 34) as Uint8Array<ArrayBuffer>], 'a.png', { type: 'image/png' }));
    form.append('prompt', 'Add a hat');
    const body = await (await postForm('/images/edits', form)).json();
    expect(decodePng(Buffer.from(body.data[0].b64_json, 'base64'))).toMatchObject({ width: 12, height: 34 });
    const missing = new FormData();
    missing.append('prompt', 'x');
    const refused = await postForm('/images/edits', missing);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.param).toBe('image');
  });

  it('streams partial images then the completed event for stream: true', async () => {
    const text = await (await postJson('/images/generations', { model: 'gpt-image-1', prompt: 'A fox', stream: true, partial_images: 2, size: '1024x1024' })).text();
    expect([...text.matchAll(/^event: (.+)$/gm)].map((match) => match[1])).toEqual(['image_generation.partial_image', 'image_generation.partial_image', 'image_generation.completed']);
    expect(text).not.toContain('[DONE]');
  });
});

describe('mock audio', () => {
  it('speaks WAV carrying its text, and transcribes it back in every format', async () => {
    const wav = new Uint8Array(await (await postJson('/audio/speech', { model: 'tts-1', voice: 'alloy', input: 'Round trip.', response_format: 'wav' })).arrayBuffer());
    expect(readWav(wav)?.text).toBe('Round trip.');
    const transcribe = async (format: string) => {
      const form = new FormData();
      form.append('file', new File([wav as Uint8Array<ArrayBuffer>], 'speech.wav', { type: 'audio/wav' }));
      form.append('model', 'whisper-1');
      form.append('response_format', format);
      return postForm('/audio/transcriptions', form);
    };
    expect(await (await transcribe('json')).json()).toMatchObject({ text: 'Round trip.', usage: { type: 'duration' } });
    expect(await (await transcribe('text')).text()).toBe('Round trip.\n');
    expect(await (await transcribe('vtt')).text()).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:00\.660\nRound trip\.\n/);
    expect(await (await transcribe('verbose_json')).json()).toMatchObject({ task: 'transcribe', duration: 0.66, segments: [{ id: 0 }] });
  });

  it('refuses a speech request without a voice, and sse for tts-1', async () => {
    expect((await (await postJson('/audio/speech', { model: 'tts-1', input: 'x' })).json()).error.param).toBe('voice');
    expect((await (await postJson('/audio/speech', { model: 'tts-1', voice: 'ash', input: 'x', stream_format: 'sse' })).json()).error.param).toBe('stream_format');
  });
});

describe('mock audio over a real socket', () => {
  let server: MockServer;
  beforeAll(async () => (server = await startMockServer()));
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('streams speech in chunks, and stops after the chunks a fault allows', async () => {
    const request = () => fetch(`${server.baseUrl}/audio/speech`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-4o-mini-tts', voice: 'ash', input: 'A sentence of some length.', response_format: 'wav' }) });
    const whole = new Uint8Array(await (await request()).arrayBuffer());
    expect(readWav(whole)?.text).toBe('A sentence of some length.');
    server.faults.next({ path: '/audio/speech', streamCut: 'reset', afterEvents: 2 });
    const cut = await request();
    await expect(cut.arrayBuffer()).rejects.toThrow();
  });
});
