/**
 * The very first request of a process on Node's global fetch waits for the dispatcher warm-up
 * (a `data:` fetch that makes Node create its agent), then goes out through the global fetch;
 * with no agent to replace, fetch gets no `dispatcher` at all.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');
const globals = globalThis as Record<symbol, unknown>;
const nodeDispatcher = globals[GLOBAL_DISPATCHER];

afterEach(() => {
  globals[GLOBAL_DISPATCHER] = nodeDispatcher;
  vi.unstubAllGlobals();
});

describe('the first request of a process on the global fetch', () => {
  it('is sent once the warm-up is done, without a dispatcher when there is no agent to replace', async () => {
    // Built first: making web fetch objects can make Node install its agent.
    const request = { url: 'https://api.example.test/v1/models', method: 'GET', headers: new Headers(), body: null, signal: new AbortController().signal };
    const answer = new Response('answer');
    const fetch = vi.fn<typeof globalThis.fetch>(async (input) => (String(input) === 'data:,' ? ({ body: null } as Response) : answer));
    vi.stubGlobal('fetch', fetch);
    vi.resetModules();
    const { createFetchTransport } = await import('./transport.js');
    globals[GLOBAL_DISPATCHER] = undefined;
    const response = await createFetchTransport().send(request);
    expect(response).toBe(answer);
    expect(fetch.mock.calls.map(([input]) => String(input))).toEqual(['data:,', 'https://api.example.test/v1/models']);
    const init = fetch.mock.calls[1]![1]!;
    expect(init).toMatchObject({ method: 'GET', body: null, signal: request.signal });
    expect(Object.hasOwn(init, 'dispatcher')).toBe(false);
  });
});
