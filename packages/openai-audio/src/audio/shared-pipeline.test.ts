/**
 * Every audio call runs on the client's one pipeline: a failure seen by a stream (a multipart
 * upload answered with events, a streamed binary answer) counts on the same circuit breaker
 * as a plain call, and the other way round.
 */
import { createOpenAICore, RequestError, toFile } from '@integrations/openai-core';
import { encodeWav } from '@integrations/openai-testing';
import { MOCK_CLIENT_OPTIONS } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { caught, readAll, useMockOpenAI } from '../../test/helpers.js';
import { createAudioService, type AudioService, type SpeechCreateParams } from '../index.js';

const mock = useMockOpenAI();
const speech: SpeechCreateParams = { model: 'gpt-4o-mini-tts', voice: 'coral', input: 'One breaker for every call.', response_format: 'wav' };
const transcription = () => ({ file: toFile(encodeWav('One breaker for every call.'), 'note.wav'), model: 'gpt-4o-mini-transcribe' });
const busy = { status: 503, body: { error: { message: 'busy', type: 'server_error', code: null, param: null } } };

/** An audio service on a core whose breaker opens after two failed calls, whatever their endpoint. */
function audioOnOneCore(): AudioService {
  const core = createOpenAICore({ ...MOCK_CLIENT_OPTIONS, circuitBreaker: { failureThreshold: 2, perEndpoint: false } });
  return createAudioService(core);
}

type Call = (audio: AudioService) => Promise<unknown>;
const calls: Record<string, Call> = {
  transcribe: (audio) => audio.transcribe(transcription()),
  transcribeStream: (audio) => audio.transcribeStream(transcription()).finalText(),
  speech: (audio) => audio.speech(speech),
  speechStream: (audio) => readAll(audio.speechStream(speech)),
  speechEvents: (audio) => audio.speechEvents(speech).finalEvent(),
};

describe('one client, one circuit breaker', () => {
  it.each([
    ['transcribeStream', 'transcribeStream', 'speech'],
    ['transcribeStream', 'speechStream', 'transcribe'],
    ['speechStream', 'speechStream', 'speech'],
    ['speech', 'transcribe', 'speechStream'],
    ['transcribe', 'speech', 'transcribeStream'],
    ['speechEvents', 'speechStream', 'speech'],
  ])('%s and %s failing with 503 open the breaker %s then meets, sending nothing', async (first, second, then) => {
    const audio = audioOnOneCore();
    mock.faults.always(busy);
    expect(await caught(() => calls[first]!(audio))).toMatchObject({ status: 503 });
    expect(await caught(() => calls[second]!(audio))).toMatchObject({ status: 503 });
    expect(mock.requests).toHaveLength(2);
    const error = await caught<RequestError>(() => calls[then]!(audio));
    expect(error).toMatchObject({ kind: 'circuit_open' });
    expect(mock.requests).toHaveLength(2);
  });

  it('opens it for saveSpeech too, which then writes nothing', async () => {
    const audio = audioOnOneCore();
    mock.faults.always(busy);
    await caught(() => audio.transcribeStream(transcription()).finalText());
    await caught(() => readAll(audio.speechStream(speech)));
    expect(await caught(() => audio.saveSpeech(speech, '/nonexistent-dir/never.wav'))).toMatchObject({ kind: 'circuit_open' });
    expect(mock.requests).toHaveLength(2);
  });
});
