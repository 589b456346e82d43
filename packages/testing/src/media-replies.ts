/** Small answers shared by the mock's images and audio routes. */
import { apiError } from './faults.js';
import type { RecordedRequest } from './recorded-request.js';
import type { StreamCut } from './sse-body.js';

/** What a media route needs besides the request. */
export interface MediaContext {
  recorded: RecordedRequest;
  request: Request;
  requestId: string;
  cut?: StreamCut;
  /** Pause between streamed chunks or events. */
  intervalMs?: number;
}

/** A JSON answer carrying the mock's request id. */
export function jsonReply(body: unknown, requestId: string, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': requestId, 'openai-processing-ms': '1' } });
}

/** A 400 `invalid_request_error` naming the offending parameter. */
export function invalidRequest(message: string, requestId: string, param: string | null = null): Response {
  return jsonReply(apiError(message, 'invalid_request_error', null, param), requestId, 400);
}

/** A plain-text answer (transcripts as text, srt, vtt). */
export function textReply(text: string, requestId: string): Response {
  return new Response(text, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-request-id': requestId } });
}

/** The multipart fields of a request, or undefined when its body is not multipart. */
export async function formFields(recorded: RecordedRequest): Promise<FormData | undefined> {
  try {
    return await new Response(recorded.bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': recorded.headers['content-type'] ?? '' } }).formData();
  } catch {
    return undefined;
  }
}

/** Every file sent under `name` or `name[]`, in order. */
export function filesOf(form: FormData, name: string): File[] {
  return [...form.getAll(name), ...form.getAll(`${name}[]`)].filter((value): value is File => typeof value !== 'string');
}

/** A number from a form field, or `fallback`. */
export function numberField(form: FormData, name: string, fallback: number): number {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : fallback;
}

/** A small, stable hash of a text (colours, token counts). */
export function hashOf(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}

/** Base64 of bytes, in any runtime. */
export function toBase64(bytes: Uint8Array): string {
  const NodeBuffer = (globalThis as { Buffer?: { from(bytes: Uint8Array): { toString(encoding: 'base64'): string } } }).Buffer;
  if (NodeBuffer) return NodeBuffer.from(bytes).toString('base64');
  let binary = '';
  for (let offset = 0; offset < bytes.byteLength; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}
