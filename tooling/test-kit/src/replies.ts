/**
 * Scripted replies for the mock API: JSON, SSE, binary, API errors, empty bodies, HTML pages,
 * stalls and connection resets (before or inside the body).
 */
import { HttpResponse } from 'msw';

/** Produces the response for one call. */
export type Reply = (request: Request) => Response | Promise<Response>;

/** Options shared by replies that set status and headers. */
export interface ReplyInit {
  status?: number;
  headers?: Record<string, string>;
}

/** An SSE event to send: an object (sent as JSON data), `{ event, data }`, or raw SSE text. */
export type SseItem = object | { event: string; data: unknown } | { raw: string };

const encoder = new TextEncoder();

function withRequestId(headers: Record<string, string> = {}): Record<string, string> {
  return { 'x-request-id': 'req_mock', ...headers };
}

/** Serializes SSE items the way the API does (`data: {...}\n\n`), ending with `[DONE]` unless told not to. */
export function sseText(items: SseItem[], options: { done?: boolean } = {}): string {
  let text = '';
  for (const item of items) {
    if ('raw' in item && typeof item.raw === 'string') text += item.raw;
    else if ('event' in item && typeof item.event === 'string' && 'data' in item) text += `event: ${item.event}\ndata: ${JSON.stringify(item.data)}\n\n`;
    else text += `data: ${JSON.stringify(item)}\n\n`;
  }
  return options.done === false ? text : `${text}data: [DONE]\n\n`;
}

/** Holds the reply until the client aborts; then a network error (msw logs a rejected handler as a failure). */
function waitForAbort(signal: AbortSignal): Promise<Response> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(HttpResponse.error());
    signal.addEventListener('abort', () => resolve(HttpResponse.error()), { once: true });
  });
}

/** Ready-made replies. */
export const reply = {
  /** A JSON body (status 200 unless given). */
  json: (body: unknown, init: ReplyInit = {}): Reply => () =>
    HttpResponse.json(body as never, { status: init.status ?? 200, headers: withRequestId(init.headers) }),

  /** An API error body `{ error: { message, type, code, param } }`. */
  error: (status: number, error: { message: string; type?: string; code?: string | null; param?: string | null }, headers: Record<string, string> = {}): Reply => () =>
    HttpResponse.json({ error: { type: 'invalid_request_error', code: null, param: null, ...error } }, { status, headers: withRequestId(headers) }),

  /** An SSE stream; `chunkSize` splits the bytes into pieces of that size. */
  sse: (items: SseItem[], options: { done?: boolean; chunkSize?: number; headers?: Record<string, string> } = {}): Reply => () => {
    const bytes = encoder.encode(sseText(items, options));
    const size = options.chunkSize ?? bytes.byteLength;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.byteLength; offset += size) controller.enqueue(bytes.slice(offset, offset + size));
        controller.close();
      },
    });
    return new HttpResponse(stream, { status: 200, headers: withRequestId({ 'content-type': 'text/event-stream', ...options.headers }) });
  },

  /** Raw bytes with a content type. */
  binary: (bytes: Uint8Array, contentType = 'application/octet-stream', init: ReplyInit = {}): Reply => () =>
    new HttpResponse(bytes as unknown as BodyInit, { status: init.status ?? 200, headers: withRequestId({ 'content-type': contentType, ...init.headers }) }),

  /** A body of any text and content type. */
  text: (text: string, init: ReplyInit & { contentType?: string } = {}): Reply => () =>
    new HttpResponse(text, { status: init.status ?? 200, headers: withRequestId({ 'content-type': init.contentType ?? 'text/plain', ...init.headers }) }),

  /** An HTML page, as a proxy or load balancer sends. */
  html: (status: number, html = '<html><body><h1>502 Bad Gateway</h1></body></html>'): Reply => () =>
    new HttpResponse(html, { status, headers: { 'content-type': 'text/html' } }),

  /** No body at all. */
  empty: (init: ReplyInit & { contentType?: string } = {}): Reply => () =>
    new HttpResponse(null, { status: init.status ?? 200, headers: withRequestId({ 'content-type': init.contentType ?? 'application/json', ...init.headers }) }),

  /** Never answers; ends only when the client aborts. */
  stall: (): Reply => (request) => waitForAbort(request.signal),

  /** The connection fails before any response (a network error). */
  reset: (): Reply => () => HttpResponse.error(),

  /** Sends headers and `partial`, then the connection breaks. */
  resetMidBody: (partial: string, init: ReplyInit & { contentType?: string } = {}): Reply => () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(partial));
        setTimeout(() => controller.error(new TypeError('terminated')), 5);
      },
    });
    return new HttpResponse(stream, { status: init.status ?? 200, headers: withRequestId({ 'content-type': init.contentType ?? 'application/json', ...init.headers }) });
  },

  /** Sends headers and `partial`, then stalls until the client aborts. */
  stallMidBody: (partial: string, init: ReplyInit & { contentType?: string } = {}): Reply => (request) => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(partial));
        request.signal.addEventListener('abort', () => controller.error(request.signal.reason), { once: true });
      },
    });
    return new HttpResponse(stream, { status: 200, headers: withRequestId({ 'content-type': init.contentType ?? 'text/event-stream', ...init.headers }) });
  },
};
