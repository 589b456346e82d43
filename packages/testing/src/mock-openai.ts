/**
 * The mock OpenAI API as one web-standard handler, `(Request) => Promise<Response>`, so the
 * loopback server and the msw handlers behave identically. Routes: chat completions (JSON and
 * SSE), models, embeddings, moderations, files, uploads, batches, images and audio. Every request is recorded; faults come first. CORS
 * preflights are answered before all of it, so pages on other origins can call the mock.
 */
import { chunksFor, completionFor, defaultReply, type ScriptedReply } from './chat-replies.js';
import { withCors } from './cors.js';
import { routeBatches } from './batches-routes.js';
import { embeddingInputs, embeddingsFor, MAX_EMBEDDING_INPUTS } from './embeddings-reply.js';
import { createFileStore, type MockFiles } from './file-store.js';
import { routeFiles } from './files-routes.js';
import { routeImages } from './images-routes.js';
import { routeAudio } from './audio-routes.js';
import { apiError, applyFault, createFaultInjector, type FaultInjector } from './faults.js';
import { DEFAULT_MODELS, type MockModel } from './models-reply.js';
import { moderationFor } from './moderations-reply.js';
import type { RecordedRequest } from './recorded-request.js';
import { sseResponse } from './sse-body.js';
import { routeUploads } from './uploads-routes.js';

/** Options of a mock. */
export interface MockOpenAIOptions {
  /** Refuse requests without `Authorization: Bearer ...` with a 401, as the API does. Default true. */
  requireAuth?: boolean;
  /** The path prefix of the API root. Default `/v1`. */
  basePath?: string;
  /** Pause between streamed chunks, to watch a stream arrive. Default 0. */
  streamIntervalMs?: number;
  /** The model list. Default: a few current models and one fine-tune. */
  models?: MockModel[];
  /** How long a batch stays in each step (validating, in progress ×2, finalizing). Default 50 ms; 0 completes it at once. */
  batchStepMs?: number;
}

/** Scripts the chat replies of a mock. */
export interface ChatScript {
  /** The next chat requests get these replies, in order (text, or a full reply with tool calls or a refusal). */
  reply(...replies: Array<string | ScriptedReply | ((request: RecordedRequest) => string | ScriptedReply)>): void;
  /** Forgets replies not used yet. */
  clear(): void;
}

/** A mock OpenAI API. */
export interface MockOpenAI {
  handle(request: Request): Promise<Response>;
  readonly requests: RecordedRequest[];
  readonly chat: ChatScript;
  readonly faults: FaultInjector;
  /** Stored files, uploads and batches. */
  readonly files: MockFiles;
  /** Clears recorded requests, scripted replies, faults and stored files, uploads and batches. */
  reset(): void;
}

function json(body: unknown, requestId: string, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': requestId, 'openai-processing-ms': '1' } });
}

async function record(request: Request, basePath: string): Promise<RecordedRequest> {
  const url = new URL(request.url);
  const bytes = request.method === 'GET' || request.method === 'HEAD' ? new Uint8Array() : new Uint8Array(await request.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let parsed: unknown;
  try { parsed = text === '' ? undefined : JSON.parse(text); } catch { parsed = undefined; }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname;
  return { method: request.method, path, query: Object.fromEntries(url.searchParams), headers, text, bytes, json: parsed };
}

/**
 * Creates a mock; serve it with `startMockServer()` or `createMockHandlers()` (msw).
 *
 * @example
 * const mock = createMockOpenAI();
 * mock.chat.reply('Paris.');
 * const response = await mock.handle(new Request('http://x/v1/chat/completions', { method: 'POST', ... }));
 */
export function createMockOpenAI(options: MockOpenAIOptions = {}): MockOpenAI {
  const basePath = options.basePath ?? '/v1';
  const models = [...(options.models ?? DEFAULT_MODELS)];
  const requests: RecordedRequest[] = [];
  const scripted: Array<string | ScriptedReply | ((request: RecordedRequest) => string | ScriptedReply)> = [];
  const faults = createFaultInjector();
  const store = createFileStore();
  let sequence = 0;

  function chat(recorded: RecordedRequest, request: Request, requestId: string, cut?: { afterEvents: number; how: 'reset' | 'stall' }): Response {
    const body = (recorded.json ?? {}) as Parameters<typeof completionFor>[0];
    const next = scripted.shift();
    const resolved = typeof next === 'function' ? next(recorded) : next;
    const reply = resolved === undefined ? defaultReply(body) : typeof resolved === 'string' ? { content: resolved } : resolved;
    const id = `chatcmpl-mock${String(++sequence).padStart(6, '0')}`;
    const created = 1_767_225_600 + sequence;
    if (body.stream) {
      return sseResponse(chunksFor(body, reply, id, created), { signal: request.signal, cut, intervalMs: options.streamIntervalMs, headers: { 'x-request-id': requestId } });
    }
    return json(completionFor(body, reply, id, created), requestId);
  }

  function route(recorded: RecordedRequest, request: Request, requestId: string, cut?: { afterEvents: number; how: 'reset' | 'stall' }): Response | Promise<Response> {
    const { method, path } = recorded;
    const body = (recorded.json ?? {}) as Record<string, unknown>;
    if (method === 'POST' && path === '/chat/completions') return chat(recorded, request, requestId, cut);
    if (method === 'GET' && path === '/models') return json({ object: 'list', data: models }, requestId);
    const modelMatch = /^\/models\/(.+)$/.exec(path);
    if (modelMatch) {
      const id = decodeURIComponent(modelMatch[1]!);
      const index = models.findIndex((model) => model.id === id);
      if (index === -1) return json(apiError(`The model '${id}' does not exist`, 'invalid_request_error', 'model_not_found', 'model'), requestId, 404);
      if (method === 'GET') return json(models[index], requestId);
      if (method === 'DELETE') {
        if (!id.startsWith('ft:')) return json(apiError('You do not have permission to delete this model', 'invalid_request_error', 'model_not_deletable'), requestId, 403);
        models.splice(index, 1);
        return json({ id, object: 'model', deleted: true }, requestId);
      }
    }
    if (method === 'POST' && path === '/embeddings') {
      const inputs = embeddingInputs(body.input);
      if (!inputs) return json(apiError("'input' must be a string, an array of strings, or token ids", 'invalid_request_error', null, 'input'), requestId, 400);
      if (inputs.length > MAX_EMBEDDING_INPUTS) return json(apiError(`'input' must have at most ${MAX_EMBEDDING_INPUTS} items`, 'invalid_request_error', null, 'input'), requestId, 400);
      return json(embeddingsFor(body, inputs), requestId);
    }
    const stored = routeFiles(store, recorded, requestId) ?? routeUploads(store, recorded, requestId) ?? routeBatches(store, recorded, requestId, options.batchStepMs ?? 50);
    if (stored) return stored;
    const media = routeImages({ recorded, request, requestId, cut, intervalMs: options.streamIntervalMs }) ?? routeAudio({ recorded, request, requestId, cut, intervalMs: options.streamIntervalMs });
    if (media) return media;
    if (method === 'POST' && path === '/moderations') {
      const result = moderationFor(body, `modr-mock${++sequence}`);
      return result ? json(result, requestId) : json(apiError("'input' is malformed", 'invalid_request_error', null, 'input'), requestId, 400);
    }
    return json(apiError(`Unknown request URL: ${method} ${path}`, 'invalid_request_error', 'unknown_url'), requestId, 404);
  }

  return {
    requests,
    faults,
    files: store,
    chat: { reply: (...replies) => void scripted.push(...replies), clear: () => void (scripted.length = 0) },
    reset() {
      requests.length = 0;
      scripted.length = 0;
      faults.clear();
      store.clear();
    },
    // CORS wraps the whole engine: preflights are answered before recording, faults and auth.
    handle: withCors(async (request) => {
      const recorded = await record(request, basePath);
      const index = requests.push(recorded) - 1;
      const requestId = `req_mock_${index}`;
      const fault = faults.take(recorded, index);
      if (fault) return applyFault(fault, request, requestId, async (cut) => route(recorded, request, requestId, cut));
      if (options.requireAuth !== false && !/^Bearer \S+/.test(recorded.headers.authorization ?? '')) {
        return json(apiError('You didn\'t provide an API key.', 'invalid_request_error', 'invalid_api_key'), requestId, 401);
      }
      return route(recorded, request, requestId);
    }),
  };
}
