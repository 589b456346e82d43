/** What the undici transport does beyond core's transport contract (test/undici.test.ts). */
import { createOpenAIClient } from '@integrations/openai';
import { createChatService } from '@integrations/openai-chat';
import { createOpenAICore, type TransportRequest } from '@integrations/openai-core';
import { startMockServer, type MockServer } from '@integrations/openai-testing';
import { startLoopbackServer, type LoopbackHandler, type LoopbackServer } from '@integrations/test-kit';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Agent, type Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { undiciTransport, type UndiciTransport } from './index.js';

const API_KEY = 'sk-test-undici';
let server: LoopbackServer | MockServer | undefined;
let transport: UndiciTransport | undefined;
afterEach(async () => {
  await Promise.all([server?.close(), transport?.close()]);
  server = undefined;
  transport = undefined;
});

async function serve(handler: LoopbackHandler): Promise<LoopbackServer> {
  const started = await startLoopbackServer(handler);
  server = started;
  return started;
}

function request(url: string, init: Partial<TransportRequest> = {}): TransportRequest {
  return { url, method: 'GET', headers: new Headers(), body: null, signal: new AbortController().signal, ...init };
}

async function bodyOf(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Counts the TCP connections a server accepted. */
async function countingServer(handler: LoopbackHandler) {
  const sockets = new Set<unknown>();
  const loopback = await serve((incoming, outgoing) => {
    sockets.add(incoming.socket);
    return handler(incoming, outgoing);
  });
  return { loopback, connections: () => sockets.size };
}

describe('undiciTransport with the clients', () => {
  it('serves createOpenAIClient and a single service, streams included', async () => {
    const mock = await startMockServer();
    server = mock;
    transport = undiciTransport({ connections: 4, keepAliveTimeout: 10_000 });
    mock.chat.reply('Hello from undici');
    const client = createOpenAIClient({ apiKey: API_KEY, baseUrl: mock.baseUrl, logLevel: 'off', transport });
    const completion = await client.chat.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]?.message.content).toBe('Hello from undici');

    mock.chat.reply('streamed reply');
    const chat = createChatService({ apiKey: API_KEY, baseUrl: mock.baseUrl, logLevel: 'off', transport });
    let text = '';
    for await (const chunk of chat.createStream({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('streamed reply');
  });
});

describe('undiciTransport', () => {
  it('turns off undici own header and body timeouts on every request', async () => {
    const seen: Dispatcher.DispatchOptions[] = [];
    class Recording extends Agent {
      override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
        seen.push(options);
        return super.dispatch(options, handler);
      }
    }
    const loopback = await serve((_incoming, outgoing) => void outgoing.end('{}'));
    const dispatcher = new Recording();
    transport = undiciTransport({ dispatcher });
    await (await transport.send(request(`${loopback.baseUrl}/models`))).text();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ headersTimeout: 0, bodyTimeout: 0 });
    await transport.close();
    expect(dispatcher.closed).toBe(false); // a dispatcher passed in belongs to the caller
    await dispatcher.close();
  });

  it('keeps connections alive between requests', async () => {
    const { loopback, connections } = await countingServer((_incoming, outgoing) => void outgoing.end('{}'));
    transport = undiciTransport();
    for (let index = 0; index < 6; index++) await (await transport.send(request(`${loopback.baseUrl}/models`))).text();
    // A body read to its end resolves a moment before undici marks the socket free, so
    // back-to-back requests may take turns on two sockets; never one per request.
    expect(connections()).toBeLessThanOrEqual(2);
  });

  it('opens at most `connections` sockets to one origin', async () => {
    const { loopback, connections } = await countingServer((_incoming, outgoing) => void outgoing.end('{}'));
    transport = undiciTransport({ connections: 1 });
    const responses = await Promise.all(Array.from({ length: 4 }, () => transport!.send(request(`${loopback.baseUrl}/models`))));
    await Promise.all(responses.map((response) => response.text()));
    expect(connections()).toBe(1);
  });

  it('refuses to send after close() with a typed, non-retryable error', async () => {
    transport = undiciTransport();
    await transport.close();
    await expect(transport.send(request('http://127.0.0.1:9/v1/models'))).rejects.toMatchObject({ kind: 'transport_closed', retryable: false });
  });

  it('returns a 3xx as is, without following it', async () => {
    const loopback = await serve((_incoming, outgoing) => {
      outgoing.writeHead(302, { location: '/v1/elsewhere' });
      outgoing.end('moved');
    });
    transport = undiciTransport();
    const response = await transport.send(request(`${loopback.baseUrl}/models`));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/v1/elsewhere');
    expect(await response.text()).toBe('moved');
    expect(loopback.requestCount).toBe(1);
  });

  it('gives 204 and HEAD responses a null body', async () => {
    const loopback = await serve((incoming, outgoing) => {
      outgoing.writeHead(incoming.method === 'HEAD' ? 200 : 204, { 'x-request-id': 'req_empty' });
      outgoing.end();
    });
    transport = undiciTransport();
    const deleted = await transport.send(request(`${loopback.baseUrl}/files/file-1`, { method: 'DELETE' }));
    expect(deleted).toMatchObject({ status: 204, body: null });
    expect(deleted.headers.get('x-request-id')).toBe('req_empty');
    expect(await transport.send(request(`${loopback.baseUrl}/models`, { method: 'HEAD' }))).toMatchObject({ status: 200, body: null });
  });

  it('asks for gzip and decodes compressed JSON and event streams', async () => {
    let acceptEncoding: string | undefined;
    const loopback = await serve((incoming, outgoing) => {
      acceptEncoding = incoming.headers['accept-encoding'];
      const stream = incoming.url?.includes('stream');
      outgoing.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json', 'content-encoding': 'gzip' });
      outgoing.end(gzipSync(stream ? 'data: {"n":0}\n\ndata: [DONE]\n\n' : '{"id":"zipped"}'));
    });
    transport = undiciTransport();
    const core = createOpenAICore({ apiKey: API_KEY, baseUrl: loopback.baseUrl, logLevel: 'off', transport });
    expect(await core.get('/models')).toEqual({ id: 'zipped' });
    expect(acceptEncoding).toBe('gzip, deflate');
    const events: unknown[] = [];
    for await (const event of core.stream('/stream', { body: {} })) events.push(event);
    expect(events).toEqual([{ n: 0 }]);
  });

  it('leaves accept-encoding to a caller who sets it', async () => {
    let acceptEncoding: string | undefined;
    const loopback = await serve((incoming, outgoing) => {
      acceptEncoding = incoming.headers['accept-encoding'];
      outgoing.end('{}');
    });
    transport = undiciTransport();
    await (await transport.send(request(`${loopback.baseUrl}/models`, { headers: new Headers({ 'accept-encoding': 'identity' }) }))).text();
    expect(acceptEncoding).toBe('identity');
  });

  it.each([
    ['URLSearchParams', () => new URLSearchParams({ a: '1', b: 'two' }), 'a=1&b=two', /^application\/x-www-form-urlencoded/],
    ['Blob', () => new Blob(['blob bytes'], { type: 'text/plain' }), 'blob bytes', /^text\/plain/],
    ['ArrayBuffer', () => new TextEncoder().encode('raw bytes').buffer, 'raw bytes', undefined],
  ] as const)('sends a %s body as fetch would', async (_name, makeBody, text, contentType) => {
    let received: { body: string; contentType: string | undefined } | undefined;
    const loopback = await serve(async (incoming, outgoing) => {
      received = { body: (await bodyOf(incoming)).toString(), contentType: incoming.headers['content-type'] };
      outgoing.end('{}');
    });
    transport = undiciTransport();
    await (await transport.send(request(`${loopback.baseUrl}/echo`, { method: 'POST', body: makeBody() }))).text();
    expect(received?.body).toBe(text);
    if (contentType) expect(received?.contentType).toMatch(contentType);
  });

  it('reports the API error when the server answers an upload before reading it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'undici-early-answer-'));
    try {
      const path = join(directory, 'big.jsonl');
      await writeFile(path, '');
      await truncate(path, 16 * 1024 * 1024);
      const loopback = await serve((_incoming, outgoing) => {
        outgoing.writeHead(400, { 'content-type': 'application/json', connection: 'close' });
        outgoing.end(JSON.stringify({ error: { message: 'purpose is wrong', type: 'invalid_request_error', code: null, param: 'purpose' } }));
      });
      transport = undiciTransport();
      const core = createOpenAICore({ apiKey: API_KEY, baseUrl: loopback.baseUrl, logLevel: 'off', maxRetries: 0, transport });
      await expect(core.postMultipart('/files', { body: { purpose: 'nope', file: { path } } })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('purpose is wrong') });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
