/**
 * Rules the spec states in prose, checked before sending: cross-field ones always (timestamp
 * granularities need `verbose_json`, logprobs need `json`), model-dependent ones when the
 * request names a model the spec describes. Any other model is the server's to judge.
 */

/** One broken rule. */
export interface RuleIssue {
  path: string;
  message: string;
}

type Params = Readonly<Record<string, unknown>>;

const given = (value: unknown) => value !== undefined && value !== null;
/** gpt-4o-transcribe, gpt-4o-mini-transcribe and their dated snapshots. */
const JSON_ONLY = /^gpt-4o(?:-mini)?-transcribe(?:-\d{4}-\d{2}-\d{2})?$/;
const DIARIZE = 'gpt-4o-transcribe-diarize';
const DIARIZE_FORMATS = ['json', 'text', 'diarized_json'];

/**
 * The issues of a transcription request.
 *
 * @example
 * transcriptionIssues({ model: 'gpt-4o-transcribe', response_format: 'srt' }); // [{ path: 'response_format', ... }]
 */
export function transcriptionIssues(params: Params): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const format = params.response_format;
  const model = params.model;
  if (given(params.timestamp_granularities) && format !== 'verbose_json') {
    issues.push({ path: 'timestamp_granularities', message: "needs response_format: 'verbose_json'" });
  }
  if (Array.isArray(params.include) && params.include.length > 0 && given(format) && format !== 'json') {
    issues.push({ path: 'include', message: "logprobs come only with response_format: 'json'" });
  }
  if (typeof model !== 'string') return issues;
  if (JSON_ONLY.test(model) && given(format) && format !== 'json') {
    issues.push({ path: 'response_format', message: `${model} answers only in json` });
  }
  if (model === 'whisper-1' && Array.isArray(params.include) && params.include.length > 0) {
    issues.push({ path: 'include', message: 'logprobs come only from gpt-4o-transcribe and gpt-4o-mini-transcribe' });
  }
  if (model === DIARIZE) {
    if (typeof format === 'string' && !DIARIZE_FORMATS.includes(format)) issues.push({ path: 'response_format', message: `${DIARIZE} answers in ${DIARIZE_FORMATS.join(', ')}` });
    for (const field of ['prompt', 'include', 'timestamp_granularities']) {
      if (given(params[field])) issues.push({ path: field, message: `${DIARIZE} does not take ${field}` });
    }
  }
  return issues;
}

/**
 * The issues of a speech request: tts-1 and tts-1-hd take no `instructions` and cannot stream
 * server-sent events.
 *
 * @example
 * speechIssues({ model: 'tts-1', instructions: 'Whisper.' }); // [{ path: 'instructions', ... }]
 */
export function speechIssues(params: Params): RuleIssue[] {
  if (params.model !== 'tts-1' && params.model !== 'tts-1-hd') return [];
  const issues: RuleIssue[] = [];
  if (given(params.instructions)) issues.push({ path: 'instructions', message: `${params.model} does not take instructions; gpt-4o-mini-tts does` });
  if (params.stream_format === 'sse') issues.push({ path: 'stream_format', message: `${params.model} cannot stream sse; use stream_format: 'audio' (speechStream)` });
  return issues;
}
