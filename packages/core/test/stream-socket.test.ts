/** Stream behaviour that needs a real socket: breaking out of the loop frees the connection. */
import { startLoopbackServer, type LoopbackServer } from '@integrations/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICore } from '../src/index.js';
import { caught, TEST_API_KEY } from './helpers.js';

let server: LoopbackServer | undefined;
afterEach(async () => server?.close());

describe('streams over a real socket', () => {
  it('closes the connection when the consumer breaks out of the loop', async () => {
    let closed!: () => void;
    const serverSawClose = new Promise<void>((resolve) => (closed = resolve));
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      let n = 0;
      const timer = setInterval(() => response.write(`data: {"n":${n++}}\n\n`), 5);
      response.on('close', () => {
        clearInterval(timer);
        closed();
      });
    });
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off' });
    const seen: number[] = [];
    for await (const chunk of core.stream<{ n: number }>('/chat/completions', { body: {} })) {
      seen.push(chunk.n);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([0, 1, 2]);
    await serverSawClose; // would hang (and time out) if the socket stayed open
  });

  it('releases the sockets of streams that were started but never read', async () => {
    let open = 0;
    let closedAll!: () => void;
    const allClosed = new Promise<void>((resolve) => (closedAll = resolve));
    server = await startLoopbackServer((_request, response) => {
      open++;
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"n":0}\n\n'); // then nothing: the client never reads on
      response.on('close', () => {
        if (--open === 0) closedAll();
      });
    });
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', streamIdleTimeout: 200 });
    const dropped = Array.from({ length: 20 }, () => core.stream<{ n: number }>('/chat/completions', { body: {} }));
    await Promise.all(dropped.map((stream) => stream.responseMeta));
    await allClosed; // hangs (and the test times out) while any socket stays open
    const late = await caught(async () => {
      for await (const _chunk of dropped[0]!) { /* too late */ }
    });
    expect(late).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
    expect((late as Error).message).toMatch(/nobody read it/);
  });

  it('reports a server that dies mid-stream as stream_interrupted', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"n":0}\n\ndata: {"n":1}\n\n');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off' });
    const seen: number[] = [];
    const error = await caught(async () => {
      for await (const chunk of core.stream<{ n: number }>('/chat/completions', { body: {} })) seen.push(chunk.n);
    });
    expect(seen).toEqual([0, 1]);
    expect(error).toMatchObject({ category: 'network', kind: 'stream_interrupted' });
  });
});
