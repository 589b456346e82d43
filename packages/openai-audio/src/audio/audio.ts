/**
 * The audio service: `transcribe` and `translate` (multipart uploads of any shape, every
 * response format), `transcribeStream`, and speech as bytes (`speech`), as a web stream
 * (`speechStream`), as typed events (`speechEvents`) or straight into a file (`saveSpeech`).
 */
import {
  createOpenAICore, deferredSchema, failedByteStream, getResponseMeta, rejectingMethods, RequestError, SseStream, validateParamsAsync,
  type ByteStream, type ClientOptions, type DeferredSchema, type FormValue, type OpenAICore, type ParamsSchema, type RequestOptions,
} from '@integrations/openai-core';
import { attachResponseMeta } from '@integrations/openai-core/internal';
import { audioOperations as operations } from './audio-operations.js';
import type { SpeechCreateParams, TranscriptionCreateParams, TranslationCreateParams } from './audio-schemas.js';
import type { SpeechStreamEvent, TranscriptionFor, TranscriptionStreamEvent, TranslationFor } from './audio-types.js';
import { writeSpeech, type SavedSpeech } from './save-speech.js';
import { decodeSpeechEvent, SpeechEventStream } from './speech-event-stream.js';
import { TranscriptionStream } from './transcription-stream.js';

const { createSpeech, createTranscription, createTranslation } = operations;
const TEXT_FORMATS = new Set(['text', 'srt', 'vtt']);
/** The `Accept` of a speech call: the spec declares `application/octet-stream` for its audio answer. */
const SPEECH_ACCEPT = 'application/octet-stream';

/** The web stream of bytes `speechStream` returns: a `ReadableStream<Uint8Array>` with `responseMeta` and `abort()`. */
export type BinaryStream = ByteStream;

/** Audio: speech to text, text to speech. */
export interface AudioService {
  /** A transcript, typed by `response_format`: an object for json, verbose_json and diarized_json, a string for text, srt and vtt. */
  transcribe<P extends TranscriptionCreateParams>(params: P, options?: RequestOptions): Promise<TranscriptionFor<P['response_format']>>;
  /** A streamed transcript (GPT transcription models): `transcript.text.delta` events, then `transcript.text.done` with usage. */
  transcribeStream(params: TranscriptionCreateParams, options?: RequestOptions): TranscriptionStream;
  /** A translation into English, typed by `response_format` like `transcribe`. */
  translate<P extends TranslationCreateParams>(params: P, options?: RequestOptions): Promise<TranslationFor<P['response_format']>>;
  /** The whole audio, once it is complete. */
  speech(params: SpeechCreateParams, options?: RequestOptions): Promise<ArrayBuffer>;
  /** The audio as a web stream of bytes, chunk by chunk as the server sends it (play it before it is complete). */
  speechStream(params: SpeechCreateParams, options?: RequestOptions): BinaryStream;
  /** The audio as typed server-sent events (`speech.audio.delta` with decoded bytes, `speech.audio.done` with usage). */
  speechEvents(params: SpeechCreateParams, options?: RequestOptions): SpeechEventStream;
  /** Streams the audio into the file at `path`, atomically, in constant memory (Node, Bun, Deno). */
  saveSpeech(params: SpeechCreateParams, path: string, options?: RequestOptions): Promise<SavedSpeech>;
}

function refuse(path: string, message: string, hint: string): never {
  throw new RequestError({ kind: 'validation', message, issues: [{ path, message: hint }] });
}

/**
 * `base` (loaded on first use), then `check` on a body that passed it (`check` throws the typed
 * error itself): core checks a call's body with it inside the call, so a stream reports the
 * error on its first read.
 */
const checkedBy = <T>(base: DeferredSchema<ParamsSchema> | undefined, check: (value: T) => void): DeferredSchema<ParamsSchema> => deferredSchema(async () => {
  const schema = await base!();
  return {
    safeParse: (value, context) => {
      const result = schema.safeParse(value, context);
      if (result.success) check(value as T);
      return result;
    },
  };
});

/** Speech for a binary answer: the schema, and no `stream_format: 'sse'` (that belongs to `speechEvents`). */
const binarySpeechSchema = checkedBy(createSpeech.requestSchema, (params: SpeechCreateParams) => {
  if (params.stream_format === 'sse') refuse('stream_format', "stream_format: 'sse' is for speechEvents(); this method returns the audio bytes.", 'use speechEvents()');
});

/** A streamed transcript: the schema, and a model that streams. */
const streamedTranscriptionSchema = checkedBy(createTranscription.requestSchema, (params: TranscriptionCreateParams) => {
  if (params.model === 'whisper-1') refuse('model', 'whisper-1 does not stream (the API ignores stream: true for it); use transcribe(), or a GPT transcription model.', 'whisper-1 does not stream');
});

const asForm = (params: object) => params as Record<string, FormValue>;

/**
 * Creates the audio service from client options or a shared core.
 *
 * @example
 * const audio = createAudioService({ apiKey: process.env.OPENAI_API_KEY });
 * await audio.saveSpeech({ model: 'gpt-4o-mini-tts', voice: 'coral', input: 'Hello there!' }, 'hello.mp3');
 * const { text } = await audio.transcribe({ file: { path: 'hello.mp3' }, model: 'gpt-4o-mini-transcribe' });
 */
export function createAudioService(configOrCore: ClientOptions | OpenAICore = {}): AudioService {
  const core = createOpenAICore(configOrCore);

  /** A multipart call whose answer is JSON or, for the text formats, a string. */
  async function transcript<T>(path: string, schema: typeof createTranscription.requestSchema, params: { response_format?: string; stream?: boolean | null }, options?: RequestOptions): Promise<T> {
    await validateParamsAsync(schema!, params);
    if (params.stream === true && path === createTranscription.path) refuse('stream', 'stream: true is for transcribeStream(); transcribe() returns one response.', 'use transcribeStream()');
    const responseKind = TEXT_FORMATS.has(params.response_format ?? 'json') ? 'text' : 'json';
    return core.request<T>({ method: 'POST', path, multipart: asForm(params), responseKind }, options);
  }

  const speechStream: AudioService['speechStream'] = (params, options) => {
    // A POST is checked against its schema even without a body, so `undefined` params fail on the first read.
    return core.byteStream(createSpeech.path, { method: 'POST', body: params, schema: binarySpeechSchema, accept: SPEECH_ACCEPT }, options);
  };

  return rejectingMethods<AudioService>({
    transcribe: (params, options) => transcript(createTranscription.path, createTranscription.requestSchema, params, options),
    transcribeStream(params, options) {
      // Transcript streams end with the body, not with `[DONE]`; the typed stream checks that its final event arrived.
      const body = typeof params === 'object' && params !== null ? asForm({ ...params, stream: true }) : params; // not an object: the schema says so
      const init = { body, schema: streamedTranscriptionSchema, multipart: true, terminal: 'eof' as const };
      return new TranscriptionStream(core.stream<TranscriptionStreamEvent>(createTranscription.path, init, options), 'transcript.text.done');
    },
    translate: (params, options) => transcript(createTranslation.path, createTranslation.requestSchema, params, options),
    async speech(params, options) {
      const binary = await core.postBinary(createSpeech.path, { body: params, schema: binarySpeechSchema, accept: SPEECH_ACCEPT }, options);
      const audio = binary.data.byteOffset === 0 && binary.data.buffer.byteLength === binary.data.byteLength ? binary.data.buffer as ArrayBuffer : binary.data.slice().buffer;
      const meta = getResponseMeta(binary);
      return meta ? attachResponseMeta(audio, meta) : audio;
    },
    speechStream,
    speechEvents(params, options) {
      const body = { ...params, stream_format: 'sse' as const };
      return new SpeechEventStream(core.stream<SpeechStreamEvent>(createSpeech.path, { body, schema: createSpeech.requestSchema, terminal: 'eof' }, options), 'speech.audio.done', decodeSpeechEvent);
    },
    async saveSpeech(params, path, options) {
      if (typeof path !== 'string' || path.trim() === '') refuse('path', 'saveSpeech needs the path of the file to write.', 'expected a file path');
      await validateParamsAsync(binarySpeechSchema, params);
      return writeSpeech(speechStream(params, options), path);
    },
  }, {
    transcribeStream: (error) => new TranscriptionStream(SseStream.failed(error), 'transcript.text.done'),
    speechStream: failedByteStream,
    speechEvents: (error) => new SpeechEventStream(SseStream.failed(error), 'speech.audio.done'),
  });
}
