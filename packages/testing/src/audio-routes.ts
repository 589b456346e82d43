/**
 * The mock's `/audio` routes. Speech is a WAV (the text rides in its comment chunk) streamed in
 * chunks over time, or SSE `speech.audio.delta`/`done` events; transcriptions and translations
 * read an uploaded WAV back to its text (any other file gets a transcript made from its name
 * and size) and answer in every `response_format`, or as `transcript.text.*` events.
 */
import { binaryResponse } from './binary-body.js';
import { filesOf, formFields, invalidRequest, jsonReply, textReply, toBase64, type MediaContext } from './media-replies.js';
import { sseResponse } from './sse-body.js';
import { encodeWav, pcmTone, readWav, speechSeconds } from './wav.js';

const FORMATS = ['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'];

function speech(context: MediaContext): Response {
  const body = (context.recorded.json ?? {}) as Record<string, unknown>;
  const { requestId } = context;
  if (typeof body.model !== 'string' || body.model === '') return invalidRequest("'model' is required", requestId, 'model');
  if (typeof body.input !== 'string' || body.input === '') return invalidRequest("'input' is required", requestId, 'input');
  if (body.input.length > 4096) return invalidRequest("'input' is longer than 4096 characters", requestId, 'input');
  const voice = body.voice as unknown;
  if (!(typeof voice === 'string' && voice !== '') && !(typeof voice === 'object' && voice !== null && typeof (voice as { id?: unknown }).id === 'string')) {
    return invalidRequest("'voice' is required", requestId, 'voice');
  }
  const format = typeof body.response_format === 'string' ? body.response_format : 'mp3';
  if (!FORMATS.includes(format)) return invalidRequest(`'response_format' must be one of ${FORMATS.join(', ')}`, requestId, 'response_format');
  // The mock has no encoders: every format but raw pcm is spoken as WAV.
  const audio = format === 'pcm' ? pcmTone(speechSeconds(body.input)) : encodeWav(body.input);
  if (body.stream_format === 'sse') {
    if (body.model === 'tts-1' || body.model === 'tts-1-hd') return invalidRequest(`stream_format sse is not supported for ${body.model}`, requestId, 'stream_format');
    const events: unknown[] = [];
    for (let offset = 0; offset < audio.byteLength; offset += 8192) events.push({ type: 'speech.audio.delta', audio: toBase64(audio.subarray(offset, offset + 8192)) });
    const input = Math.max(1, Math.ceil(body.input.length / 4));
    events.push({ type: 'speech.audio.done', usage: { input_tokens: input, output_tokens: events.length * 20, total_tokens: input + events.length * 20 } });
    return sseResponse(events, { signal: context.request.signal, done: false, cut: context.cut, intervalMs: context.intervalMs, headers: { 'x-request-id': requestId } });
  }
  return binaryResponse(audio, { signal: context.request.signal, contentType: format === 'pcm' ? 'audio/pcm' : 'audio/wav', intervalMs: context.intervalMs, cut: context.cut, headers: { 'x-request-id': requestId } });
}

/** `00:00:01,500` (srt) or `00:00:01.500` (vtt). */
function timestamp(seconds: number, separator: ',' | '.'): string {
  const milliseconds = Math.round(seconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(milliseconds / 3_600_000))}:${pad(Math.floor(milliseconds / 60_000) % 60)}:${pad(Math.floor(milliseconds / 1000) % 60)}${separator}${pad(milliseconds % 1000, 3)}`;
}

function words(text: string, seconds: number) {
  const list = text.split(/\s+/).filter(Boolean);
  const step = seconds / Math.max(1, list.length);
  return list.map((word, index) => ({ word: word.replace(/[^\p{L}\p{N}'-]/gu, ''), start: index * step, end: (index + 1) * step }));
}

function tokenUsage(text: string, seconds: number) {
  const audio = Math.max(1, Math.round(seconds * 10));
  const output = Math.max(1, Math.ceil(text.length / 4));
  return { type: 'tokens', input_tokens: audio, input_token_details: { text_tokens: 0, audio_tokens: audio }, output_tokens: output, total_tokens: audio + output };
}

async function transcript(context: MediaContext, task: 'transcribe' | 'translate'): Promise<Response> {
  const { requestId } = context;
  const form = await formFields(context.recorded);
  if (!form) return invalidRequest('Expected a multipart/form-data body', requestId);
  const [file] = filesOf(form, 'file');
  if (!file) return invalidRequest("'file' is required", requestId, 'file');
  if (file.size === 0) return invalidRequest('The audio file is empty', requestId, 'file');
  const model = form.get('model');
  if (typeof model !== 'string' || model === '') return invalidRequest("'model' is required", requestId, 'model');
  const wav = readWav(new Uint8Array(await file.arrayBuffer()));
  const text = wav?.text ?? `Mock transcript of ${file.name}, ${file.size} bytes of audio.`;
  const seconds = wav?.seconds || Math.max(1, file.size / 16_000);
  const format = String(form.get('response_format') ?? 'json');
  if (task === 'transcribe' && form.get('stream') === 'true' && model !== 'whisper-1') {
    const deltas = text.split(/(?=\s)/).map((delta) => ({ type: 'transcript.text.delta', delta }));
    const done = { type: 'transcript.text.done', text, usage: tokenUsage(text, seconds) };
    return sseResponse([...deltas, done], { signal: context.request.signal, done: false, cut: context.cut, intervalMs: context.intervalMs, headers: { 'x-request-id': requestId } });
  }
  const usage = model === 'whisper-1' ? { type: 'duration', seconds: Math.ceil(seconds) } : tokenUsage(text, seconds);
  const language = task === 'translate' ? 'english' : String(form.get('language') ?? 'english');
  switch (format) {
    case 'json': {
      const logprobs = form.getAll('include[]').includes('logprobs') ? { logprobs: text.split(/(?=\s)/).map((token) => ({ token, logprob: -0.01, bytes: [...new TextEncoder().encode(token)] })) } : {};
      return jsonReply({ text, ...logprobs, ...(task === 'transcribe' ? { usage } : {}) }, requestId);
    }
    case 'text': return textReply(`${text}\n`, requestId);
    case 'srt': return textReply(`1\n${timestamp(0, ',')} --> ${timestamp(seconds, ',')}\n${text}\n\n`, requestId);
    case 'vtt': return textReply(`WEBVTT\n\n${timestamp(0, '.')} --> ${timestamp(seconds, '.')}\n${text}\n\n`, requestId);
    case 'verbose_json': {
      const granularities = form.getAll('timestamp_granularities[]');
      const segment = { id: 0, seek: 0, start: 0, end: seconds, text: ` ${text}`, tokens: [50364, 50365], temperature: 0, avg_logprob: -0.2, compression_ratio: 1.2, no_speech_prob: 0.01 };
      return jsonReply({
        task, language, duration: seconds, text,
        ...(granularities.length === 0 || granularities.includes('segment') ? { segments: [segment] } : {}),
        ...(granularities.includes('word') ? { words: words(text, seconds) } : {}),
        ...(task === 'transcribe' ? { usage: { type: 'duration', seconds: Math.ceil(seconds) } } : {}),
      }, requestId);
    }
    case 'diarized_json':
      if (task === 'transcribe') {
        return jsonReply({ task, duration: seconds, text, segments: [{ type: 'transcript.text.segment', id: 'seg_0', start: 0, end: seconds, text, speaker: 'A' }], usage }, requestId);
      }
  }
  return invalidRequest(`'response_format' ${format} is not supported`, requestId, 'response_format');
}

/**
 * Answers `/audio/*` requests, or returns undefined for any other path.
 *
 * @example
 * const answer = routeAudio({ recorded, request, requestId });
 */
export function routeAudio(context: MediaContext): Response | Promise<Response> | undefined {
  const { method, path } = context.recorded;
  if (method !== 'POST') return undefined;
  if (path === '/audio/speech') return speech(context);
  if (path === '/audio/transcriptions') return transcript(context, 'transcribe');
  if (path === '/audio/translations') return transcript(context, 'translate');
  return undefined;
}
