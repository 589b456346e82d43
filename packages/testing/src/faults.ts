/**
 * Fault injection: what the server does instead of (or on top of) its normal answer. Faults
 * are queued (one per matching request) or set to repeat, and may be limited to one path.
 */
import type { RecordedRequest } from './recorded-request.js';
import { sseResponse } from './sse-body.js';

/** One fault. `path` limits it to requests for that path (e.g. `/chat/completions`). */
export type Fault = { path?: string } & (
  /** Answer with this status, headers and body (`body` is sent as JSON, `rawBody` as is). */
  | { status: number; body?: unknown; rawBody?: string; headers?: Record<string, string>; delayMs?: number }
  /** Answer normally, but only after this delay. */
  | { delayMs: number; status?: undefined }
  /** Never answer; the request ends only when the client gives up. */
  | { stall: true }
  /** Close the connection before any response. */
  | { reset: 'before-headers' }
  /** Send headers and the first part of the normal body (or `partial`), then close the connection. */
  | { reset: 'mid-body'; partial?: string }
  /** Stream the normal reply but cut it after `afterEvents` events: reset the connection, or go silent. */
  | { streamCut: 'reset' | 'stall'; afterEvents: number }
  /** Send exactly these SSE events (then `[DONE]` unless `done: false`), optionally cut. */
  | { sse: unknown[]; done?: boolean; resetAfter?: number; stallAfter?: number; headers?: Record<string, string> }
);

/** Chooses a fault for a request, or none. */
export type FaultRule = (request: RecordedRequest, index: number) => Fault | undefined;

/** The fault controls of a mock server. */
export interface FaultInjector {
  /** Each fault applies to the next matching request, in order. */
  next(...faults: Fault[]): void;
  /** Applies to every matching request once the queue is empty, until `clear()`. */
  always(fault: Fault): void;
  /** Decides per request (after the queue and before `always`). */
  when(rule: FaultRule): void;
  clear(): void;
}

const encoder = new TextEncoder();

function matches(fault: Fault, request: RecordedRequest): boolean {
  return fault.path === undefined || fault.path === request.path;
}

/** Creates the injector and the function the engine asks for each request's fault. */
export function createFaultInjector(): FaultInjector & { take(request: RecordedRequest, index: number): Fault | undefined } {
  const queue: Fault[] = [];
  let repeating: Fault | undefined;
  let rule: FaultRule | undefined;
  return {
    next: (...faults) => void queue.push(...faults),
    always: (fault) => void (repeating = fault),
    when: (next) => void (rule = next),
    clear: () => {
      queue.length = 0;
      repeating = undefined;
      rule = undefined;
    },
    take(request, index) {
      const position = queue.findIndex((fault) => matches(fault, request));
      if (position !== -1) return queue.splice(position, 1)[0];
      const ruled = rule?.(request, index);
      if (ruled) return ruled;
      return repeating && matches(repeating, request) ? repeating : undefined;
    },
  };
}

function never(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function partialBody(status: number, headers: Headers, first: Uint8Array): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(first);
      setTimeout(() => controller.error(new Error('mock server reset the body')), 10);
    },
  });
  return new Response(stream, { status, headers });
}

/**
 * Applies `fault` to a request. `answer` produces the normal response (optionally with its
 * stream cut). Returns the response to send.
 */
export async function applyFault(
  fault: Fault,
  request: Request,
  requestId: string,
  answer: (cut?: { afterEvents: number; how: 'reset' | 'stall' }) => Promise<Response>,
): Promise<Response> {
  if ('stall' in fault) return never(request.signal);
  if ('reset' in fault && fault.reset === 'before-headers') return Response.error();
  if ('sse' in fault) {
    const cut = fault.resetAfter !== undefined ? { afterEvents: fault.resetAfter, how: 'reset' as const }
      : fault.stallAfter !== undefined ? { afterEvents: fault.stallAfter, how: 'stall' as const } : undefined;
    return sseResponse(fault.sse, { signal: request.signal, done: fault.done, cut, headers: { 'x-request-id': requestId, ...fault.headers } });
  }
  if ('streamCut' in fault) return answer({ afterEvents: fault.afterEvents, how: fault.streamCut });
  if ('reset' in fault) {
    const normal = await answer();
    const text = fault.partial ?? (await normal.text()).slice(0, 20);
    const headers = new Headers(normal.headers);
    headers.set('content-length', '100000');
    return partialBody(normal.status, headers, encoder.encode(text));
  }
  if (fault.delayMs) await Promise.race([new Promise((resolve) => setTimeout(resolve, fault.delayMs)), never(request.signal)]);
  if (fault.status === undefined) return answer();
  const headers = { 'content-type': 'application/json', 'x-request-id': requestId, ...fault.headers };
  const body = fault.rawBody ?? (fault.body === undefined ? '' : JSON.stringify(fault.body));
  return new Response(body === '' ? null : body, { status: fault.status, headers });
}

/** An API error body as OpenAI sends it. */
export function apiError(message: string, type = 'server_error', code: string | null = null, param: string | null = null) {
  return { error: { message, type, code, param } };
}
