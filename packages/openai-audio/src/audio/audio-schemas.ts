/**
 * Parameters of the audio endpoints. `speech` uses the schema and closed type generated from
 * the spec (../generated/create-speech.ts), with its voice narrowed to the built-in names the
 * description lists (a custom voice goes as `{ id }`); transcriptions and translations are
 * multipart bodies, written here from CreateTranscriptionRequest and CreateTranslationRequest.
 * All add the rules the spec states in prose (audio-model-rules.ts).
 */
import { isUploadable, lazySchema, type LazySchema, type ParamsSchema, type Uploadable, type UploadFile } from '@integrations/openai-core';
import * as z from 'zod/mini';
import { createSpeechRequestSchema, type CreateSpeechRequest } from '../generated/create-speech.js';
import { speechIssues, transcriptionIssues, type RuleIssue } from './audio-model-rules.js';
import { SPEECH_VOICES } from './speech-voices.js';

/** A built-in voice, or a custom voice by id. */
export type SpeechVoice = (typeof SPEECH_VOICES)[number] | { id: string };

/** The parameters of `speech`, `speechStream`, `speechEvents` and `saveSpeech`: closed, so a misspelt field fails to compile. */
export type SpeechCreateParams = Omit<CreateSpeechRequest, 'voice'> & { voice: SpeechVoice };

/** The response formats of a transcription. */
export type AudioResponseFormat = 'json' | 'text' | 'srt' | 'verbose_json' | 'vtt' | 'diarized_json';

/** The parameters of `transcribe` and `transcribeStream`. */
export interface TranscriptionCreateParams {
  /** The audio (flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav or webm): any upload; name it with its extension. */
  file: Uploadable;
  model: 'whisper-1' | 'gpt-transcribe' | 'gpt-4o-transcribe' | 'gpt-4o-mini-transcribe' | 'gpt-4o-mini-transcribe-2025-12-15' | 'gpt-4o-transcribe-diarize' | (string & {});
  /** ISO-639-1, e.g. `en`. */
  language?: string;
  /** Possible languages (`gpt-transcribe`). */
  languages?: string[];
  /** Words or phrases to guide the transcript (`gpt-transcribe`). */
  keywords?: string[];
  prompt?: string;
  response_format?: AudioResponseFormat;
  /** 0 to 1. */
  temperature?: number;
  /** `['logprobs']`, with `response_format: 'json'`. */
  include?: Array<'logprobs'>;
  /** With `response_format: 'verbose_json'`. */
  timestamp_granularities?: Array<'word' | 'segment'>;
  /** Set by `transcribeStream`; `transcribe` returns one response. */
  stream?: boolean | null;
  chunking_strategy?: 'auto' | { type: 'server_vad'; prefix_padding_ms?: number; silence_duration_ms?: number; threshold?: number } | null;
  /** Up to 4 names, matching `known_speaker_references`. */
  known_speaker_names?: string[];
  /** Up to 4 audio samples as data URLs. */
  known_speaker_references?: string[];
}

/** The parameters of `translate` (into English). */
export interface TranslationCreateParams {
  file: Uploadable;
  model: 'whisper-1' | (string & {});
  /** In English. */
  prompt?: string;
  response_format?: 'json' | 'text' | 'srt' | 'verbose_json' | 'vtt';
  /** 0 to 1. */
  temperature?: number;
}

type Refinable = { check(...checks: unknown[]): unknown };

/** Adds `rules` to an object schema, each issue at its field. */
function withRules<S>(schema: S, rules: (params: Record<string, unknown>) => RuleIssue[]): S {
  return (schema as unknown as Refinable).check(z.superRefine((params: Record<string, unknown>, context) => {
    for (const issue of rules(params)) context.addIssue({ code: 'custom', message: issue.message, path: [issue.path], input: params[issue.path] });
  })) as S;
}

function knownSize(value: unknown): number | undefined {
  if ((value as UploadFile | undefined)?.kind === 'upload-file') return knownSize((value as UploadFile).data);
  if (typeof Blob !== 'undefined' && value instanceof Blob) return value.size;
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return value.byteLength;
  return undefined;
}

/** An audio file: any upload core streams, and not empty when its size is known. */
const audioFileSchema = lazySchema(() => z.custom<Uploadable>((value) => isUploadable(value), {
  error: 'expected an audio file: a Blob/File, bytes, a ReadableStream, an async iterable of bytes, { path } or toFile(...)',
}).check(z.refine((value) => knownSize(value) !== 0, { message: 'the audio file is empty' })));

const model = () => z.string().check(z.minLength(1));
const temperature = () => z.optional(z.number().check(z.gte(0), z.lte(1)));

/** Validates the params of `speech` and its variants: the generated schema, a built-in voice or `{ id }`, and the model rules. */
export const speechParamsSchema: LazySchema<ParamsSchema<SpeechCreateParams>> = lazySchema(() => withRules(z.extend(createSpeechRequestSchema() as unknown as z.ZodMiniObject, {
  voice: z.union([
    z.enum(SPEECH_VOICES, { error: `expected a built-in voice (${SPEECH_VOICES.join(', ')}) or a custom voice as { id }` }),
    z.looseObject({ id: z.string().check(z.minLength(1)) }),
  ]),
}), speechIssues) as unknown as ParamsSchema<SpeechCreateParams>);

/** Validates the params of `transcribe` before any byte is read or sent; unknown fields pass through. */
export const transcriptionParamsSchema: LazySchema<ParamsSchema<TranscriptionCreateParams>> = lazySchema(() => withRules(z.looseObject({
  file: audioFileSchema(),
  model: model(),
  language: z.optional(z.string()),
  languages: z.optional(z.array(z.string()).check(z.minLength(1))),
  keywords: z.optional(z.array(z.string())),
  prompt: z.optional(z.string()),
  response_format: z.optional(z.enum(['json', 'text', 'srt', 'verbose_json', 'vtt', 'diarized_json'])),
  temperature: temperature(),
  include: z.optional(z.array(z.enum(['logprobs']))),
  timestamp_granularities: z.optional(z.array(z.enum(['word', 'segment']))),
  stream: z.optional(z.nullable(z.boolean())),
  chunking_strategy: z.optional(z.nullable(z.union([
    z.literal('auto'),
    z.looseObject({
      type: z.literal('server_vad'),
      prefix_padding_ms: z.optional(z.int()),
      silence_duration_ms: z.optional(z.int()),
      threshold: z.optional(z.number().check(z.gte(0), z.lte(1))),
    }),
  ]))),
  known_speaker_names: z.optional(z.array(z.string()).check(z.maxLength(4))),
  known_speaker_references: z.optional(z.array(z.string()).check(z.maxLength(4))),
}), transcriptionIssues));

/** Validates the params of `translate` before any byte is read or sent; unknown fields pass through. */
export const translationParamsSchema: LazySchema<ParamsSchema<TranslationCreateParams>> = lazySchema(() => z.looseObject({
  file: audioFileSchema(),
  model: model(),
  prompt: z.optional(z.string()),
  response_format: z.optional(z.enum(['json', 'text', 'srt', 'verbose_json', 'vtt'])),
  temperature: temperature(),
}));
