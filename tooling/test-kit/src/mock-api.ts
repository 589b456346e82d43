/**
 * The shared msw helper: routes by method and path, a reply sequence per route (the last reply
 * repeats), and a record of every call with its parsed JSON body, multipart parts, headers and
 * query. Unhandled requests fail the test (`onUnhandledRequest: 'error'`).
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Reply } from './replies.js';

/** The base URL the mock answers on; https so no insecure-URL check is involved. */
export const MOCK_BASE_URL = 'https://mock-openai.test/v1';

/** One multipart part as the server received it. */
export interface RecordedPart {
  name: string;
  value?: string;
  filename?: string;
  contentType?: string;
  size?: number;
  bytes?: Uint8Array;
}

/** One request as the server received it. */
export interface RecordedCall {
  method: string;
  path: string;
  url: URL;
  query: Record<string, string | string[]>;
  headers: Headers;
  text: string;
  json: unknown;
  parts: RecordedPart[] | undefined;
}

type Method = 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';

async function record(request: Request, baseUrl: string): Promise<RecordedCall> {
  const url = new URL(request.url);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length > 1 || key.endsWith('[]') ? all : all[0]!;
  }
  const contentType = request.headers.get('content-type') ?? '';
  let text = '';
  let json: unknown;
  let parts: RecordedPart[] | undefined;
  if (contentType.startsWith('multipart/form-data')) {
    parts = [];
    for (const [name, value] of await request.clone().formData()) {
      if (typeof value === 'string') parts.push({ name, value });
      else {
        const bytes = new Uint8Array(await value.arrayBuffer());
        parts.push({ name, filename: value.name, contentType: value.type, size: bytes.byteLength, bytes });
      }
    }
  } else if (request.body !== null) {
    text = await request.clone().text();
    try { json = JSON.parse(text); } catch { json = undefined; }
  }
  return { method: request.method, path: url.pathname.slice(new URL(baseUrl).pathname.length), url, query, headers: request.headers, text, json, parts };
}

/**
 * Starts an msw server for the current test file (listen before all, reset after each, close
 * after all) and returns its controls.
 *
 * @example
 * const api = useMockApi();
 * api.on('POST', '/chat/completions', reply.error(503, { message: 'busy' }), reply.json(completion));
 * const result = await core.post('/chat/completions', { body });
 * expect(api.calls).toHaveLength(2);
 */
export function useMockApi(baseUrl = MOCK_BASE_URL) {
  const server = setupServer();
  const calls: RecordedCall[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    calls.length = 0;
  });
  afterAll(() => server.close());

  return {
    baseUrl,
    calls,
    /** Answers `method path` with `replies` in order; the last one repeats. `path` may hold `:params`. */
    on(method: Method, path: string, ...replies: Reply[]) {
      let index = 0;
      const handler = http[method.toLowerCase() as Lowercase<Method>](`${baseUrl}${path}`, async ({ request }) => {
        calls.push(await record(request, baseUrl));
        const next = replies[Math.min(index, replies.length - 1)]!;
        index++;
        return next(request);
      });
      server.use(handler);
    },
    /** The recorded calls to one route. */
    callsTo(method: Method, path: string): RecordedCall[] {
      return calls.filter((call) => call.method === method && call.path === path);
    },
  };
}

/** The controls `useMockApi` returns. */
export type MockApi = ReturnType<typeof useMockApi>;
