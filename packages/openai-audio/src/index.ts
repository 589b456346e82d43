/**
 * @integrations/openai-audio: transcription and translation in every response format,
 * streamed transcripts, and speech as bytes, a web stream, typed events or an atomic file.
 */
export { createAudioService, type AudioService, type BinaryStream } from './audio/audio.js';
// The zod schemas are at `./schemas`: they do not load with this entry.
export type {
  AudioResponseFormat, SpeechCreateParams, SpeechVoice, TranscriptionCreateParams, TranslationCreateParams,
} from './audio/audio-schemas.js';
export { SPEECH_VOICES } from './audio/speech-voices.js';
export type {
  SpeechAudioDeltaEvent, SpeechAudioDoneEvent, SpeechStreamEvent, TextFormat, Transcription, TranscriptionDiarized,
  TranscriptionDiarizedSegment, TranscriptionFor, TranscriptionLogprob, TranscriptionSegment, TranscriptionStreamEvent, TranscriptionVerbose,
  TranscriptionWord, TranscriptTextDeltaEvent, TranscriptTextDoneEvent, TranscriptTextSegmentEvent, TranscriptTextUsageDuration,
  TranscriptTextUsageTokens, Translation, TranslationFor, TranslationVerbose,
} from './audio/audio-types.js';
export { AudioEventStream } from './audio/audio-event-stream.js';
export { TranscriptionStream } from './audio/transcription-stream.js';
export { SpeechEventStream } from './audio/speech-event-stream.js';
export type { SavedSpeech } from './audio/save-speech.js';
export { audioOperations } from './audio/audio-operations.js';
// What an audio-only user needs from core, so installing this package alone is enough.
export {
  AuthenticationError, ConfigurationError, ContentPolicyError, getResponseMeta, NetworkError, OpenAIError, RateLimitError,
  RequestError, ResourceError, ResponseError, ServerError, toFile,
  type ClientOptions, type RequestOptions, type ResponseMeta, type Uploadable,
} from '@integrations/openai-core';
