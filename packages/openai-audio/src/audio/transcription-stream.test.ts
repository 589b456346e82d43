import { getResponseMeta, NetworkError, RequestError, toFile } from '@integrations/openai-core';
import { encodeWav } from '@integrations/openai-testing';
import { describe, expect, it } from 'vitest';
import { caught, formOf, mockAudio, useMockOpenAI } from '../../test/helpers.js';
import type { TranscriptionStreamEvent } from '../index.js';

const mock = useMockOpenAI();
const sentence = 'Streaming transcripts arrive word by word.';
const params = { file: toFile(encodeWav(sentence), 'note.wav'), model: 'gpt-4o-mini-transcribe' };

describe('audio.transcribeStream', () => {
  it('yields transcript.text.delta events, then transcript.text.done with usage', async () => {
    const stream = mockAudio().transcribeStream(params);
    const events: TranscriptionStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events.at(-1)!.type).toBe('transcript.text.done');
    expect(events.slice(0, -1).every((event) => event.type === 'transcript.text.delta')).toBe(true);
    const done = await stream.finalTranscription();
    expect(done).toMatchObject({ text: sentence, usage: { type: 'tokens', total_tokens: expect.any(Number) } });
    expect(getResponseMeta(done)?.requestId).toBe('req_mock_0');
    expect((await formOf(mock.requests[0]!)).get('stream')).toBe('true');
  });

  it('gives the text alone through textStream(), and the whole of it through finalText()', async () => {
    let text = '';
    for await (const piece of mockAudio().transcribeStream(params).textStream()) text += piece;
    expect(text).toBe(sentence);
    expect(await mockAudio().transcribeStream(params).finalText()).toBe(sentence);
  });

  it('turns a stall into a typed stream_idle timeout', async () => {
    mock.faults.next({ path: '/audio/transcriptions', streamCut: 'stall', afterEvents: 2 });
    const stream = mockAudio({ streamIdleTimeout: 50 }).transcribeStream(params);
    let deltas = 0;
    const error = await caught<NetworkError>(async () => {
      for await (const _event of stream) deltas++;
    });
    expect(deltas).toBe(2);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
  });

  it('ends with kind aborted on abort(), and has no final text', async () => {
    const stream = mockAudio().transcribeStream(params);
    const error = await caught<RequestError>(async () => {
      for await (const _event of stream) stream.abort();
    });
    expect(error.kind).toBe('aborted');
    expect((await caught<RequestError>(() => stream.finalText())).kind).toBe('aborted');
  });

  it('says the stream was cut when it ends without transcript.text.done', async () => {
    mock.faults.next({ path: '/audio/transcriptions', sse: [{ type: 'transcript.text.delta', delta: 'Hel' }], done: false });
    expect(await caught(() => mockAudio().transcribeStream(params).finalText())).toMatchObject({ kind: 'stream_interrupted' });
  });

  it('throws the API error an error event carries', async () => {
    mock.faults.next({ path: '/audio/transcriptions', sse: [{ error: { message: 'audio too long', type: 'invalid_request_error', code: 'audio_too_long', param: 'file' } }], done: false });
    expect(await caught(() => mockAudio().transcribeStream(params).finalText())).toMatchObject({ code: 'audio_too_long' });
  });

  it('refuses whisper-1, which does not stream, on the first read without sending', async () => {
    const error = await caught<RequestError>(() => mockAudio().transcribeStream({ ...params, model: 'whisper-1' }).finalText());
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'model' }] });
    expect(mock.requests).toHaveLength(0);
  });
});
