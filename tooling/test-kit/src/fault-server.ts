/**
 * A fault-injecting OpenAI-like server on 127.0.0.1. Each request takes the next scripted
 * behaviour (the last one repeats): a status with headers and body, a delay, a stall, a reset
 * before or inside a body, or an SSE stream that may reset or stall after some events.
 * Every request is recorded with its method, path, headers and body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

/** What the server does with one request. */
export type Fault =
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  | { reset: 'before-headers' }
  | { reset: 'mid-body'; status?: number; partial: string }
  | { stall: true }
  | { sse: unknown[]; done?: boolean; resetAfter?: number; stallAfter?: number; intervalMs?: number; headers?: Record<string, string> };

/** One request as the fault server received it. */
export interface FaultRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: unknown;
}

/** A running fault server. */
export interface FaultServer extends LoopbackServer {
  readonly requests: FaultRequest[];
  /** Replaces the script; the request count and record are kept. */
  script(...faults: Array<Fault | ((request: FaultRequest, index: number) => Fault)>): void;
}

/** An API error body, as OpenAI sends it. */
export function apiError(message: string, type = 'server_error', code: string | null = null): unknown {
  return { error: { message, type, code, param: null } };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function respond(fault: Fault, response: ServerResponse, index: number): void {
  const requestId = `req_fault_${index}`;
  if ('reset' in fault && fault.reset === 'before-headers') {
    response.socket?.destroy();
    return;
  }
  if ('reset' in fault) {
    response.writeHead(fault.status ?? 200, { 'content-type': 'application/json', 'content-length': '100000', 'x-request-id': requestId });
    response.write(fault.partial);
    setTimeout(() => response.socket?.destroy(), 10);
    return;
  }
  if ('stall' in fault) return; // never answers; the client's timeout or abort ends it
  if ('sse' in fault) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': requestId, ...fault.headers });
    let sent = 0;
    const next = () => {
      if (response.destroyed) return;
      if (fault.resetAfter !== undefined && sent === fault.resetAfter) return void response.socket?.destroy();
      if (fault.stallAfter !== undefined && sent === fault.stallAfter) return; // silence
      if (sent === fault.sse.length) return void response.end(fault.done === false ? '' : 'data: [DONE]\n\n');
      response.write(`data: ${JSON.stringify(fault.sse[sent++])}\n\n`);
      setTimeout(next, fault.intervalMs ?? 1);
    };
    next();
    return;
  }
  const send = () => {
    if (response.destroyed) return;
    const body = fault.body === undefined ? '' : JSON.stringify(fault.body);
    response.writeHead(fault.status, { 'content-type': 'application/json', 'x-request-id': requestId, ...fault.headers });
    response.end(body);
  };
  if (fault.delayMs) setTimeout(send, fault.delayMs);
  else send();
}

/**
 * Starts the server with a script; `close()` it when done.
 *
 * @example
 * const server = await startFaultServer({ status: 503, body: apiError('busy') }, { status: 200, body: { ok: true } });
 */
export async function startFaultServer(...initial: Array<Fault | ((request: FaultRequest, index: number) => Fault)>): Promise<FaultServer> {
  let script = initial;
  const requests: FaultRequest[] = [];
  const server = await startLoopbackServer(async (request, response) => {
    const body = await readBody(request);
    let json: unknown;
    try { json = JSON.parse(body); } catch { json = undefined; }
    const recorded: FaultRequest = { method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers, body, json };
    const index = requests.length;
    requests.push(recorded);
    const step = script[Math.min(index, script.length - 1)] ?? { status: 200, body: {} };
    respond(typeof step === 'function' ? step(recorded, index) : step, response, index);
  });
  return Object.assign(server, {
    requests,
    script: (...faults: Array<Fault | ((request: FaultRequest, index: number) => Fault)>) => { script = faults; },
  }) as FaultServer;
}
