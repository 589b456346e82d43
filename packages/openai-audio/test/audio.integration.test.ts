/** Audio against the real loopback mock server: real sockets, streamed audio both ways. */
import { NetworkError, RequestError } from '@integrations/openai-core';
import { encodeWav, readWav, startMockServer, type MockServer } from '@integrations/openai-testing';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAudioService } from '../src/index.js';
import { caught, formOf, readAll } from './helpers.js';

let server: MockServer;
let directory: string;
beforeAll(async () => {
  server = await startMockServer();
  directory = mkdtempSync(join(tmpdir(), 'audio-integration-'));
});
afterEach(() => server.reset());
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

const audio = (options: Record<string, unknown> = {}) => createAudioService({ apiKey: 'sk-test', baseUrl: server.baseUrl, logLevel: 'off', maxRetries: 0, ...options });
const voice = { model: 'gpt-4o-mini-tts', voice: 'alloy' as const, response_format: 'wav' as const };

describe('audio over a real socket', () => {
  it('speaks a sentence into a file and transcribes the file back', async () => {
    const path = join(directory, 'round-trip.wav');
    const saved = await audio().saveSpeech({ ...voice, input: 'Sphinx of black quartz, judge my vow.' }, path);
    expect(saved.bytes).toBeGreaterThan(44);
    const { text } = await audio().transcribe({ file: { path }, model: 'gpt-4o-transcribe' });
    expect(text).toBe('Sphinx of black quartz, judge my vow.');
  });

  it('hands over the first audio chunk while the rest is still to come', async () => {
    // The server sends one chunk and then holds the rest back: a client that buffered the whole
    // body would never see it.
    server.faults.next({ path: '/audio/speech', streamCut: 'stall', afterEvents: 1 });
    const stream = audio().speechStream({ ...voice, input: 'A long story.'.repeat(20) });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(new TextDecoder().decode(first.value!.subarray(0, 4))).toBe('RIFF');
    await reader.cancel();
    // Cancelling freed the socket: the server saw the client leave and answers the next call.
    expect(readWav(new Uint8Array(await audio().speech({ ...voice, input: 'next' })))?.text).toBe('next');
  });

  it('ends a stalled speech stream with a typed stream_idle timeout', async () => {
    server.faults.next({ path: '/audio/speech', streamCut: 'stall', afterEvents: 1 });
    const error = await caught<NetworkError>(() => readAll(audio({ streamIdleTimeout: 100 }).speechStream({ ...voice, input: 'stall' })));
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
  });

  it('re-opens a { path } upload for the retry after a connection reset', async () => {
    const wav = encodeWav('Retry me.');
    const path = join(directory, 'retry.wav');
    writeFileSync(path, wav);
    server.faults.next({ path: '/audio/transcriptions', reset: 'before-headers' });
    const result = await audio({ maxRetries: 1, retry: { initialBackoffMs: 1 } }).transcribe({ file: { path }, model: 'whisper-1', response_format: 'text' });
    expect(result).toBe('Retry me.\n');
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) expect(new Uint8Array(await ((await formOf(request)).get('file') as File).arrayBuffer())).toEqual(wav);
  });

  it('streams a transcript over the socket, and stops it on abort', async () => {
    writeFileSync(join(directory, 'stream.wav'), encodeWav('One two three four five.'));
    let text = '';
    for await (const piece of audio().transcribeStream({ file: { path: join(directory, 'stream.wav') }, model: 'gpt-4o-mini-transcribe' }).textStream()) text += piece;
    expect(text).toBe('One two three four five.');
    const stream = audio().transcribeStream({ file: { path: join(directory, 'stream.wav') }, model: 'gpt-4o-mini-transcribe' });
    const error = await caught<RequestError>(async () => {
      for await (const _event of stream) stream.abort();
    });
    expect(error.kind).toBe('aborted');
  });

  it('leaves the target untouched when the speech is cut off mid-way', async () => {
    const path = join(directory, 'kept.wav');
    writeFileSync(path, 'the old file');
    server.faults.next({ path: '/audio/speech', streamCut: 'reset', afterEvents: 1 });
    await caught(() => audio().saveSpeech({ ...voice, input: 'A sentence long enough to need a few chunks of audio.' }, path));
    expect(readdirSync(directory).filter((name) => name.includes('kept'))).toEqual(['kept.wav']);
    expect(new TextDecoder().decode(new Uint8Array(await (await import('node:fs/promises')).readFile(path)))).toBe('the old file');
  });
});
