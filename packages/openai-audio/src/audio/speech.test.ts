import { getResponseMeta, NetworkError, RequestError } from '@integrations/openai-core';
import { readWav } from '@integrations/openai-testing';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caught, mockAudio, readAll, useMockOpenAI } from '../../test/helpers.js';
import type { SpeechCreateParams } from '../index.js';

const mock = useMockOpenAI();
const params: SpeechCreateParams = { model: 'gpt-4o-mini-tts', voice: 'coral', input: 'Hello from the speech test.', response_format: 'wav' };
const directory = mkdtempSync(join(tmpdir(), 'speech-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('audio.speech', () => {
  it('returns the whole audio as an ArrayBuffer, with metadata', async () => {
    const audio = await mockAudio().speech(params);
    expect(audio).toBeInstanceOf(ArrayBuffer);
    expect(readWav(new Uint8Array(audio))).toEqual({ seconds: 1.62, text: 'Hello from the speech test.' });
    expect(getResponseMeta(audio)).toMatchObject({ requestId: 'req_mock_0', status: 200 });
    expect(mock.requests[0]!.json).toEqual(params);
    expect(mock.requests[0]!.headers.accept).toBe('application/octet-stream');
  });

  it('takes a custom voice as { id }', async () => {
    await mockAudio().speech({ ...params, voice: { id: 'voice_1234' } });
    expect(mock.requests[0]!.json).toMatchObject({ voice: { id: 'voice_1234' } });
  });

  it.each([
    ['an unknown voice name', { ...params, voice: 'alloyy' }, 'voice'],
    ['an empty custom voice id', { ...params, voice: { id: '' } }, 'voice'],
    ['an input over 4096 characters', { ...params, input: 'x'.repeat(4097) }, 'input'],
    ['an empty input', { ...params, input: '' }, 'input'],
    ['a speed below 0.25', { ...params, speed: 0.2 }, 'speed'],
    ['a speed above 4', { ...params, speed: 4.5 }, 'speed'],
    ['an unknown format', { ...params, response_format: 'ogg' }, 'response_format'],
    ['instructions for tts-1', { ...params, model: 'tts-1', instructions: 'Whisper.' }, 'instructions'],
    ["stream_format: 'sse' (speechEvents' job)", { ...params, stream_format: 'sse' }, 'stream_format'],
  ])('refuses %s before sending', async (_why, bad, path) => {
    for (const call of [() => mockAudio().speech(bad as never), () => readAll(mockAudio().speechStream(bad as never)), () => mockAudio().saveSpeech(bad as never, join(directory, 'never.wav'))]) {
      const error = await caught<RequestError>(call);
      expect(RequestError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'validation' });
      expect((error.issues as Array<{ path: string }>)[0]!.path).toMatch(new RegExp(`^${path}`));
    }
    expect(mock.requests).toHaveLength(0);
    expect(readdirSync(directory)).toEqual([]);
  });
});

describe('audio.speechStream', () => {
  it('is a web ReadableStream of the audio, with metadata once headers arrive', async () => {
    const stream = mockAudio().speechStream(params);
    expect(stream).toBeInstanceOf(ReadableStream);
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(5);
    const whole = new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
    expect(readWav(whole)?.text).toBe('Hello from the speech test.');
    expect((await stream.responseMeta).requestId).toBe('req_mock_0');
    expect(getResponseMeta(stream)?.status).toBe(200);
  });

  it('yields the first chunks before the audio is complete, then fails a stall with a typed stream_idle timeout', async () => {
    mock.faults.next({ path: '/audio/speech', streamCut: 'stall', afterEvents: 2 });
    const reader = mockAudio({ streamIdleTimeout: 50 }).speechStream(params).getReader();
    expect((await reader.read()).value!.byteLength).toBe(4096);
    expect((await reader.read()).value!.byteLength).toBe(4096);
    const error = await caught<NetworkError>(() => reader.read());
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
  });

  it('fails a connection reset mid-audio with a typed stream_interrupted error', async () => {
    mock.faults.next({ path: '/audio/speech', streamCut: 'reset', afterEvents: 1 });
    const error = await caught<NetworkError>(() => readAll(mockAudio().speechStream(params)));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('stream_interrupted');
  });

  it('ends with a typed aborted error on abort() or the caller\'s signal', async () => {
    const stream = mockAudio().speechStream(params);
    const reader = stream.getReader();
    await reader.read();
    stream.abort();
    expect((await caught<RequestError>(() => reader.read())).kind).toBe('aborted');
    const controller = new AbortController();
    const second = mockAudio().speechStream(params, { signal: controller.signal }).getReader();
    await second.read();
    controller.abort();
    expect((await caught<RequestError>(() => second.read())).kind).toBe('aborted');
  });

  it('types an HTTP error, on the first read and on responseMeta', async () => {
    mock.faults.next({ path: '/audio/speech', status: 429, body: { error: { message: 'slow down', type: 'rate_limit_error', code: null, param: null } } });
    const stream = mockAudio().speechStream(params);
    expect(await caught(() => stream.responseMeta)).toMatchObject({ name: 'RateLimitError', status: 429 });
    expect(await caught(() => stream.getReader().read())).toMatchObject({ name: 'RateLimitError' });
  });
});

describe('audio.speechEvents', () => {
  it('yields speech.audio.delta events with decoded bytes, then speech.audio.done with usage', async () => {
    const stream = mockAudio().speechEvents({ ...params, response_format: 'pcm' });
    const pieces: Uint8Array[] = [];
    for await (const event of stream) {
      if (event.type === 'speech.audio.delta') {
        expect(event.bytes.byteLength).toBe(Buffer.from(event.audio, 'base64').byteLength);
        pieces.push(event.bytes);
      }
    }
    expect(pieces.reduce((total, piece) => total + piece.byteLength, 0)).toBe(1.62 * 24_000 * 2);
    const done = await stream.finalEvent();
    expect(done.usage.total_tokens).toBe(done.usage.input_tokens + done.usage.output_tokens);
    expect(getResponseMeta(done)?.requestId).toBe('req_mock_0');
    expect(mock.requests[0]!.json).toMatchObject({ stream_format: 'sse' });
  });

  it('gives only the audio through audio()', async () => {
    let bytes = 0;
    for await (const chunk of mockAudio().speechEvents(params).audio()) bytes += chunk.byteLength;
    expect(bytes).toBeGreaterThan(44);
  });

  it('refuses sse for tts-1 on the first read', async () => {
    const error = await caught<RequestError>(() => mockAudio().speechEvents({ ...params, model: 'tts-1' }).finalEvent());
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'stream_format' }] });
  });
});

describe('audio.saveSpeech', () => {
  it('streams the audio into the file atomically and reports its size', async () => {
    const path = join(directory, 'hello.wav');
    const saved = await mockAudio().saveSpeech(params, path);
    expect(saved).toEqual({ path, bytes: readFileSync(path).byteLength });
    expect(readWav(new Uint8Array(readFileSync(path)))?.text).toBe('Hello from the speech test.');
    expect(getResponseMeta(saved)?.requestId).toBe('req_mock_0');
    expect(readdirSync(directory)).toEqual(['hello.wav']);
    rmSync(path);
  });

  it('leaves no file, not even a temp one, when the audio is cut off', async () => {
    mock.faults.next({ path: '/audio/speech', streamCut: 'reset', afterEvents: 2 });
    const error = await caught<NetworkError>(() => mockAudio().saveSpeech(params, join(directory, 'cut.wav')));
    expect(error.kind).toBe('stream_interrupted');
    expect(readdirSync(directory)).toEqual([]);
  });
});
