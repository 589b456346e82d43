import { getResponseMeta, RequestError, toFile } from '@integrations/openai-core';
import { encodeWav } from '@integrations/openai-testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { caught, formOf, mockAudio, useMockOpenAI } from '../../test/helpers.js';
import type { Transcription, TranscriptionDiarized, TranscriptionVerbose, TranslationVerbose } from '../index.js';

const mock = useMockOpenAI();
const speech = () => toFile(encodeWav('The quick brown fox jumps over the lazy dog.'), 'fox.wav');

describe('audio.transcribe', () => {
  it('answers json by default, with usage, and metadata', async () => {
    const result = await mockAudio().transcribe({ file: speech(), model: 'gpt-4o-mini-transcribe' });
    expectTypeOf(result).toEqualTypeOf<Transcription>();
    expect(result.text).toBe('The quick brown fox jumps over the lazy dog.');
    expect(result.usage).toMatchObject({ type: 'tokens', total_tokens: expect.any(Number) });
    expect(getResponseMeta(result)?.requestId).toBe('req_mock_0');
    const form = await formOf(mock.requests[0]!);
    expect((form.get('file') as File).name).toBe('fox.wav');
    expect((form.get('file') as File).type).toBe('audio/wav');
    expect(form.get('model')).toBe('gpt-4o-mini-transcribe');
  });

  it.each(['text', 'srt', 'vtt'] as const)('answers %s as a string', async (response_format) => {
    const result = await mockAudio().transcribe({ file: speech(), model: 'whisper-1', response_format });
    expectTypeOf(result).toEqualTypeOf<string>();
    expect(typeof result).toBe('string');
    expect(result).toContain('The quick brown fox');
    if (response_format === 'srt') expect(result).toMatch(/^1\n00:00:00,000 --> 00:00:02,640\n/);
    if (response_format === 'vtt') expect(result).toMatch(/^WEBVTT\n\n00:00:00\.000 --> /);
  });

  it('answers verbose_json with segments and words, sending timestamp_granularities[] as the spec does', async () => {
    const result = await mockAudio().transcribe({ file: speech(), model: 'whisper-1', response_format: 'verbose_json', timestamp_granularities: ['word', 'segment'] });
    expectTypeOf(result).toEqualTypeOf<TranscriptionVerbose>();
    expect(result.duration).toBeCloseTo(2.64);
    expect(result.words!.map((word) => word.word)).toEqual(['The', 'quick', 'brown', 'fox', 'jumps', 'over', 'the', 'lazy', 'dog']);
    expect(result.segments![0]).toMatchObject({ id: 0, start: 0, text: ' The quick brown fox jumps over the lazy dog.' });
    const form = await formOf(mock.requests[0]!);
    expect(form.getAll('timestamp_granularities[]')).toEqual(['word', 'segment']);
    expect(form.get('response_format')).toBe('verbose_json');
  });

  it('answers diarized_json with speakers', async () => {
    const result = await mockAudio().transcribe({ file: speech(), model: 'gpt-4o-transcribe-diarize', response_format: 'diarized_json', chunking_strategy: 'auto' });
    expectTypeOf(result).toEqualTypeOf<TranscriptionDiarized>();
    expect(result.segments[0]).toMatchObject({ type: 'transcript.text.segment', speaker: 'A' });
    expect((await formOf(mock.requests[0]!)).get('chunking_strategy')).toBe('auto');
  });

  it('sends include[], a server_vad chunking strategy and the other fields as form parts', async () => {
    const result = await mockAudio().transcribe({
      file: speech(), model: 'gpt-4o-transcribe', include: ['logprobs'], language: 'en', prompt: 'A pangram.', temperature: 0.2,
      chunking_strategy: { type: 'server_vad', threshold: 0.6, silence_duration_ms: 300 }, known_speaker_names: ['agent'], known_speaker_references: ['data:audio/wav;base64,AAAA'],
    });
    expect(result.logprobs![0]).toMatchObject({ token: 'The', logprob: expect.any(Number) });
    const form = await formOf(mock.requests[0]!);
    expect(form.getAll('include[]')).toEqual(['logprobs']);
    expect([form.get('chunking_strategy[type]'), form.get('chunking_strategy[threshold]'), form.get('chunking_strategy[silence_duration_ms]')]).toEqual(['server_vad', '0.6', '300']);
    expect([form.get('language'), form.get('prompt'), form.get('temperature')]).toEqual(['en', 'A pangram.', '0.2']);
    expect(form.getAll('known_speaker_names[]')).toEqual(['agent']);
    expect(form.getAll('known_speaker_references[]')).toEqual(['data:audio/wav;base64,AAAA']);
  });

  it('derives a transcript of a file that is not the mock\'s speech from its name and size', async () => {
    const result = await mockAudio().transcribe({ file: new File([new Uint8Array(3200)], 'meeting.mp3'), model: 'whisper-1' });
    expect(result.text).toBe('Mock transcript of meeting.mp3, 3200 bytes of audio.');
  });

  it.each([
    ['an empty file', { file: new Uint8Array(), model: 'whisper-1' }, 'file'],
    ['no file', { model: 'whisper-1' }, 'file'],
    ['a file name instead of a file', { file: 'speech.mp3', model: 'whisper-1' }, 'file'],
    ['no model', { file: new Uint8Array([1]) }, 'model'],
    ['timestamp granularities without verbose_json', { file: new Uint8Array([1]), model: 'whisper-1', timestamp_granularities: ['word'] }, 'timestamp_granularities'],
    ['an unknown granularity', { file: new Uint8Array([1]), model: 'whisper-1', response_format: 'verbose_json', timestamp_granularities: ['sentence'] }, 'timestamp_granularities'],
    ['logprobs with srt', { file: new Uint8Array([1]), model: 'gpt-4o-transcribe', include: ['logprobs'], response_format: 'srt' }, 'include'],
    ['srt from gpt-4o-transcribe', { file: new Uint8Array([1]), model: 'gpt-4o-transcribe', response_format: 'srt' }, 'response_format'],
    ['a prompt for the diarizing model', { file: new Uint8Array([1]), model: 'gpt-4o-transcribe-diarize', prompt: 'x' }, 'prompt'],
    ['a temperature above 1', { file: new Uint8Array([1]), model: 'whisper-1', temperature: 1.5 }, 'temperature'],
    ['five known speakers', { file: new Uint8Array([1]), model: 'gpt-4o-transcribe-diarize', known_speaker_names: ['a', 'b', 'c', 'd', 'e'] }, 'known_speaker_names'],
    ['a chunking threshold above 1', { file: new Uint8Array([1]), model: 'gpt-4o-transcribe', chunking_strategy: { type: 'server_vad', threshold: 2 } }, 'chunking_strategy'],
    ['stream: true', { file: new Uint8Array([1]), model: 'gpt-4o-transcribe', stream: true }, 'stream'],
  ])('refuses %s before reading or sending anything', async (_why, params, path) => {
    const error = await caught<RequestError>(() => mockAudio().transcribe(params as never));
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('validation');
    expect((error.issues as Array<{ path: string }>)[0]!.path).toMatch(new RegExp(`^${path}`));
    expect(mock.requests).toHaveLength(0);
  });
});

describe('audio.translate', () => {
  it('answers json, verbose_json and text in English', async () => {
    const json = await mockAudio().translate({ file: speech(), model: 'whisper-1' });
    expect(json).toEqual({ text: 'The quick brown fox jumps over the lazy dog.' });
    const verbose = await mockAudio().translate({ file: speech(), model: 'whisper-1', response_format: 'verbose_json' });
    expectTypeOf(verbose).toEqualTypeOf<TranslationVerbose>();
    expect(verbose).toMatchObject({ language: 'english', segments: [{ id: 0 }] });
    const text = await mockAudio().translate({ file: speech(), model: 'whisper-1', response_format: 'text', prompt: 'English, please.' });
    expect(text).toBe('The quick brown fox jumps over the lazy dog.\n');
    expect(mock.requests.map((request) => request.path)).toEqual(['/audio/translations', '/audio/translations', '/audio/translations']);
  });

  it('refuses a diarized format, which translations do not have', async () => {
    const error = await caught<RequestError>(() => mockAudio().translate({ file: speech(), model: 'whisper-1', response_format: 'diarized_json' as never }));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'response_format' }] });
  });
});
