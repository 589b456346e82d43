import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFetchTransport } from '../transport/transport.js';
import { fetchDispatcher } from './fetch-dispatcher.js';

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');
/** undici keeps an agent's options under a symbol described as `options`. */
const OPTIONS: unique symbol = Symbol('options');
type AgentClass = new (options?: Record<string, unknown>) => { close(): Promise<void> };

function optionsOf(agent: object): Record<string, unknown> {
  const key = Object.getOwnPropertySymbols(agent).find((symbol) => symbol.description === 'options')!;
  return (agent as Record<symbol, Record<string, unknown>>)[key]!;
}

let server: Server;
let base: string;
const realFetch = globalThis.fetch;
let nodeDefault: object;

beforeAll(async () => {
  server = createServer((request, response) => {
    const delay = Number(new URL(request.url!, 'http://x').searchParams.get('delay') ?? 0);
    const signed = request.headers['x-signed'];
    setTimeout(() => response.end(JSON.stringify(signed ? { ok: true, signed } : { ok: true })), delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await realFetch('data:,');
  nodeDefault = (globalThis as Record<symbol, object>)[GLOBAL_DISPATCHER]!;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

afterEach(() => {
  globalThis.fetch = realFetch;
  (globalThis as Record<symbol, object>)[GLOBAL_DISPATCHER] = nodeDefault;
});

function send(path: string) {
  return createFetchTransport().send({ url: `${base}${path}`, method: 'GET', headers: new Headers(), body: null, signal: new AbortController().signal });
}

describe("the global fetch on Node", () => {
  it("goes through an agent of Node's own undici without its 300 s header and body limits", async () => {
    const seen: Array<RequestInit & { dispatcher?: object }> = [];
    globalThis.fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init!);
      return realFetch(input, init);
    });
    const response = await send('/');
    expect(await response.json()).toEqual({ ok: true });
    const dispatcher = seen[0]!.dispatcher!;
    expect(dispatcher).toBeInstanceOf(nodeDefault.constructor);
    expect(dispatcher).not.toBe(nodeDefault);
    expect(optionsOf(dispatcher)).toMatchObject({ headersTimeout: 0, bodyTimeout: 0 });
    await send('/');
    expect(seen[1]!.dispatcher).toBe(dispatcher);
  });

  it('keeps a global dispatcher the application configured, with its own limits', async () => {
    const Agent = nodeDefault.constructor as AgentClass;
    const strict = new Agent({ headersTimeout: 100 });
    (globalThis as Record<symbol, object>)[GLOBAL_DISPATCHER] = strict;
    expect(fetchDispatcher()).toBeUndefined();
    const failure = await send('/?delay=2000').then(() => undefined, (error: unknown) => error);
    expect((failure as { cause?: { code?: string } }).cause?.code).toBe('UND_ERR_HEADERS_TIMEOUT');
    await strict.close();
  });

  it('keeps interceptors an application added with compose(), and an agent whose events it watches', async () => {
    type Dispatch = (options: { headers?: Record<string, string> }, handler: unknown) => boolean;
    const Agent = nodeDefault.constructor as new () => { compose(interceptor: (dispatch: Dispatch) => Dispatch): object; on(event: string, listener: () => void): void; close(): Promise<void> };
    const base = new Agent();
    const signing = base.compose((dispatch) => (options, handler) => dispatch({ ...options, headers: { ...options.headers, 'x-signed': 'yes' } }, handler));
    (globalThis as Record<symbol, object>)[GLOBAL_DISPATCHER] = signing;
    expect(fetchDispatcher()).toBeUndefined();
    expect(await (await send('/')).json()).toEqual({ ok: true, signed: 'yes' });
    const watched = new Agent();
    watched.on('connect', () => undefined);
    (globalThis as Record<symbol, object>)[GLOBAL_DISPATCHER] = watched;
    expect(fetchDispatcher()).toBeUndefined();
    await Promise.all([base.close(), watched.close()]);
  });

  it.each([
    ['a proxy agent', class ProxyAgent { [OPTIONS] = {}; }],
    ['an agent with TLS options', class Agent { [OPTIONS] = { connect: { rejectUnauthorized: false } }; }],
    ['an agent with interceptors', class Agent { [OPTIONS] = { interceptors: { Agent: [] } }; }],
    ['an object that is not an agent', class Agent {}],
  ])('leaves %s alone', (_name, Dispatcher) => {
    (globalThis as Record<symbol, object>)[GLOBAL_DISPATCHER] = new Dispatcher();
    expect(fetchDispatcher()).toBeUndefined();
  });

  it('does not pass a dispatcher to a fetch the caller injected', async () => {
    const injected = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response('{}'));
    await createFetchTransport(injected).send({ url: `${base}/`, method: 'GET', headers: new Headers(), body: null, signal: new AbortController().signal });
    expect(injected.mock.calls[0]![1]).not.toHaveProperty('dispatcher');
  });
});
