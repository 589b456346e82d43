/**
 * Cross-field rules the spec states only in prose, which our schemas enforce: when the check
 * probes one of these fields it sets the listed siblings too, so a refusal can only come from
 * the probed value (and a valid value there is accepted).
 */
import type { CoRequirements } from './constraint-probes.js';

/** Per operation: field → the sibling fields it needs. */
export const crossFieldRules: Readonly<Record<string, CoRequirements>> = {
  createChatCompletion: {
    // "logprobs must be set to true if this parameter is used" (top_logprobs).
    top_logprobs: { logprobs: true },
    // "Options for streaming response. Only set this when you set `stream: true`."
    stream_options: { stream: true },
  },
  createTranscription: {
    // "`response_format` must be set `verbose_json` to use timestamp granularities", which
    // whisper-1 gives (the spec's example model, gpt-4o-transcribe, answers only in json).
    timestamp_granularities: { response_format: 'verbose_json', model: 'whisper-1' },
  },
};
