/** The operations of the audio service, as the official spec names them (see `Operation`). */
import { deferredSchema, defineOperations } from '@integrations/openai-core';
import type { SpeechCreateParams, TranscriptionCreateParams, TranslationCreateParams } from './audio-schemas.js';
import type { AudioService } from './audio.js';

// The schema module (and zod/mini with it) is loaded on the first validation, not on import.
const speechParamsSchema = deferredSchema(async () => (await import('../schemas.js')).speechParamsSchema);
const transcriptionParamsSchema = deferredSchema(async () => (await import('../schemas.js')).transcriptionParamsSchema);
const translationParamsSchema = deferredSchema(async () => (await import('../schemas.js')).translationParamsSchema);

/** `POST /audio/speech` (JSON), `POST /audio/transcriptions` and `POST /audio/translations` (multipart). */
export const audioOperations = defineOperations<AudioService>()({
  createSpeech: {
    operationId: 'createSpeech', method: 'POST', path: '/audio/speech', requestBody: 'json', requestSchema: speechParamsSchema,
    invoke: (audio, { body }) => audio.speech(body as SpeechCreateParams),
  },
  createTranscription: {
    operationId: 'createTranscription', method: 'POST', path: '/audio/transcriptions', requestBody: 'multipart', requestSchema: transcriptionParamsSchema,
    invoke: (audio, { body }) => audio.transcribe(body as TranscriptionCreateParams),
  },
  createTranslation: {
    operationId: 'createTranslation', method: 'POST', path: '/audio/translations', requestBody: 'multipart', requestSchema: translationParamsSchema,
    invoke: (audio, { body }) => audio.translate(body as TranslationCreateParams),
  },
});
