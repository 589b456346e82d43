/**
 * Response types of the audio endpoints, as the spec names them: transcriptions in each
 * response format, translations, and the transcript and speech stream events. Responses are
 * not validated; these types describe what the API sends.
 */

/** Usage billed in tokens (GPT transcription models). */
export interface TranscriptTextUsageTokens {
  type: 'tokens';
  input_tokens: number;
  input_token_details?: { text_tokens?: number; audio_tokens?: number };
  output_tokens: number;
  total_tokens: number;
}

/** Usage billed by the second of audio (whisper-1). */
export interface TranscriptTextUsageDuration {
  type: 'duration';
  seconds: number;
}

/** The log probability of one token of a transcript (`include: ['logprobs']`). */
export interface TranscriptionLogprob {
  token?: string;
  logprob?: number;
  bytes?: number[];
}

/** A transcription (`response_format: 'json'`, the default). */
export interface Transcription {
  text: string;
  /** Detected languages (`gpt-transcribe`). */
  languages?: Array<{ code: string }>;
  logprobs?: TranscriptionLogprob[];
  usage?: TranscriptTextUsageTokens | TranscriptTextUsageDuration;
}

/** A word with its timestamps (`timestamp_granularities: ['word']`). */
export interface TranscriptionWord {
  word: string;
  /** Seconds. */
  start: number;
  end: number;
}

/** A segment of a verbose transcript or translation. */
export interface TranscriptionSegment {
  id: number;
  seek: number;
  /** Seconds. */
  start: number;
  end: number;
  text: string;
  tokens: number[];
  temperature: number;
  avg_logprob: number;
  compression_ratio: number;
  no_speech_prob: number;
}

/** A transcription with segments and words (`response_format: 'verbose_json'`). */
export interface TranscriptionVerbose {
  language: string;
  /** Seconds. */
  duration: number;
  text: string;
  words?: TranscriptionWord[];
  segments?: TranscriptionSegment[];
  usage?: TranscriptTextUsageDuration;
}

/** A segment with its speaker (`response_format: 'diarized_json'`). */
export interface TranscriptionDiarizedSegment {
  type: 'transcript.text.segment';
  id: string;
  start: number;
  end: number;
  text: string;
  /** `A`, `B`, ... or a name from `known_speaker_names`. */
  speaker: string;
}

/** A transcription with speakers (`response_format: 'diarized_json'`, gpt-4o-transcribe-diarize). */
export interface TranscriptionDiarized {
  task: 'transcribe';
  duration: number;
  text: string;
  segments: TranscriptionDiarizedSegment[];
  usage?: TranscriptTextUsageTokens | TranscriptTextUsageDuration;
}

/** A translation into English (`response_format: 'json'`, the default). */
export interface Translation {
  text: string;
}

/** A translation with segments (`response_format: 'verbose_json'`). */
export interface TranslationVerbose {
  language: string;
  duration: number;
  text: string;
  segments?: TranscriptionSegment[];
}

/** The text formats, answered as a string. */
export type TextFormat = 'text' | 'srt' | 'vtt';

/** What `transcribe` resolves to for a `response_format`. */
export type TranscriptionFor<Format> = Format extends TextFormat ? string
  : Format extends 'verbose_json' ? TranscriptionVerbose
    : Format extends 'diarized_json' ? TranscriptionDiarized
      : Transcription;

/** What `translate` resolves to for a `response_format`. */
export type TranslationFor<Format> = Format extends TextFormat ? string : Format extends 'verbose_json' ? TranslationVerbose : Translation;

/** A piece of streamed transcript text. */
export interface TranscriptTextDeltaEvent {
  type: 'transcript.text.delta';
  delta: string;
  logprobs?: TranscriptionLogprob[];
  /** The diarized segment this delta belongs to. */
  segment_id?: string;
}

/** A finished segment of a streamed diarized transcript. */
export interface TranscriptTextSegmentEvent {
  type: 'transcript.text.segment';
  id: string;
  start: number;
  end: number;
  text: string;
  speaker: string;
}

/** The end of a streamed transcript: the whole text and the usage. */
export interface TranscriptTextDoneEvent {
  type: 'transcript.text.done';
  text: string;
  languages?: Array<{ code: string }>;
  logprobs?: TranscriptionLogprob[];
  usage?: TranscriptTextUsageTokens;
}

/** An event of `transcribeStream`. */
export type TranscriptionStreamEvent = TranscriptTextDeltaEvent | TranscriptTextSegmentEvent | TranscriptTextDoneEvent;

/** A chunk of streamed speech, with its audio decoded (`bytes`) next to the wire's base64 (`audio`). */
export interface SpeechAudioDeltaEvent {
  type: 'speech.audio.delta';
  /** Base64, as sent. */
  audio: string;
  /** The same audio, decoded; owns its memory. */
  bytes: Uint8Array;
}

/** The end of streamed speech, with the usage. */
export interface SpeechAudioDoneEvent {
  type: 'speech.audio.done';
  usage: { input_tokens: number; output_tokens: number; total_tokens: number };
}

/** An event of `speechEvents`. */
export type SpeechStreamEvent = SpeechAudioDeltaEvent | SpeechAudioDoneEvent;
