import { startLoopbackServer } from '@integrations/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICore, type NetworkError } from '../src/index.js';
import { caught, TEST_API_KEY } from './helpers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function sseServer(write: (response: import('node:http').ServerResponse) => void) {
  const server = await startLoopbackServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    write(response);
  });
  closers.push(() => server.close());
  return createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', maxRetries: 0 });
}

const events = (count: number) => Array.from({ length: count }, (_, n) => `data: {"n":${n}}\n\n`).join('');

describe('reading a stream', () => {
  it('does not count the time a slow reader spends between reads as idleness', async () => {
    const core = await sseServer((response) => response.end(`${events(3)}data: [DONE]\n\n`));
    const seen: unknown[] = [];
    // A reader that takes 4x the idle limit per chunk: the server sent everything at once.
    for await (const chunk of core.stream('/chat/completions', { body: {} }, { streamIdleTimeout: 100 })) {
      seen.push(chunk);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(seen).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
  });

  it('still ends a stream whose server goes quiet, with a typed stream_idle timeout', async () => {
    const core = await sseServer((response) => response.write(events(2)));
    const seen: unknown[] = [];
    const error = await caught<NetworkError>(async () => {
      for await (const chunk of core.stream('/chat/completions', { body: {} }, { streamIdleTimeout: 300 })) seen.push(chunk);
    });
    expect(seen).toEqual([{ n: 0 }, { n: 1 }]);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
  });

  it('answers next() calls made without waiting, in order, as one loop would', async () => {
    const core = await sseServer((response) => response.end(`${events(3)}data: [DONE]\n\n`));
    const iterator = core.stream<{ n: number }>('/chat/completions', { body: {} })[Symbol.asyncIterator]();
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    expect(results).toEqual([
      { value: { n: 0 }, done: false },
      { value: { n: 1 }, done: false },
      { value: { n: 2 }, done: false },
      { value: undefined, done: true },
      { value: undefined, done: true },
    ]);
  });

  it('ends at once after return(), and frees the request', async () => {
    const core = await sseServer((response) => response.write(events(5)));
    const stream = core.stream<{ n: number }>('/chat/completions', { body: {} });
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: { n: 0 }, done: false });
    expect(await iterator.return!()).toEqual({ value: undefined, done: true });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(stream.signal.aborted).toBe(true);
  });

  it('releases a stream whose iterator was taken but never read (Readable.from), after the idle limit', async () => {
    let closed!: () => void;
    const released = new Promise<void>((resolve) => (closed = resolve));
    const server = await startLoopbackServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(events(1));
      request.socket.on('close', closed);
    });
    closers.push(() => server.close());
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', maxRetries: 0 });
    const stream = core.stream('/chat/completions', { body: {} }, { streamIdleTimeout: 200 });
    const iterator = stream[Symbol.asyncIterator]();
    await stream.responseMeta;
    await released;
    await expect(iterator.next()).rejects.toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
  });

  it('delivers every event of a first chunk that holds a few hundred thousand', async () => {
    const count = 200_000;
    const body = new TextEncoder().encode(`${'data: {"i":1}\n\n'.repeat(count)}data: [DONE]\n\n`);
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: 'http://127.0.0.1:9/v1', logLevel: 'off', maxRetries: 0, fetch: async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }) });
    let seen = 0;
    for await (const _event of core.stream('/chat/completions', { body: {} })) seen++;
    expect(seen).toBe(count);
  });
});
