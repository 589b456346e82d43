/**
 * The stream idle limit defaults to the smaller of `timeout` and 5 minutes, per client and per
 * call, so a stream that stalls after its first chunk ends in time, with its socket released.
 */
import { startLoopbackServer, type LoopbackServer } from '@integrations/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICore, DEFAULT_STREAM_IDLE_TIMEOUT_MS, NetworkError, resolveConfig, type ClientOptions, type RequestOptions } from '../src/index.js';
import { streamIdleTimeoutFor } from '../src/core.js';
import { caught, TEST_API_KEY } from './helpers.js';

let server: LoopbackServer | undefined;
afterEach(async () => server?.close());

/** A server that sends one event and then nothing; resolves `closed` when the client hangs up. */
async function stallAfterFirstEvent() {
  let closed!: () => void;
  const serverSawClose = new Promise<void>((resolve) => (closed = resolve));
  server = await startLoopbackServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('data: {"n":0}\n\n');
    response.on('close', () => closed());
  });
  return { baseUrl: server.baseUrl, serverSawClose };
}

async function readStalled(client: ClientOptions, call: RequestOptions = {}) {
  const { baseUrl, serverSawClose } = await stallAfterFirstEvent();
  const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl, logLevel: 'off', maxRetries: 0, ...client });
  const seen: unknown[] = [];
  const started = Date.now();
  const error = await caught<NetworkError>(async () => {
    for await (const chunk of core.stream('/chat/completions', { body: {} }, call)) seen.push(chunk);
  });
  const elapsed = Date.now() - started;
  await serverSawClose; // hangs (and the test times out) if the socket stayed open
  return { error, elapsed, seen };
}

describe('stream idle timeout defaults', () => {
  it('ends a stalled stream within the client timeout when no idle limit is set', async () => {
    // A limit well above a loaded machine's first-event latency, far below the 5-minute default.
    const { error, elapsed, seen } = await readStalled({ timeout: 1_000 });
    expect(seen).toEqual([{ n: 0 }]);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
    expect(error.message).toMatch(/1000 ms/);
    expect(elapsed).toBeLessThan(1_000 + 1_000);
  });

  it('ends a stalled stream within a per-call timeout', async () => {
    const { error } = await readStalled({}, { timeout: 800 });
    expect(error).toMatchObject({ timeoutKind: 'stream_idle' });
    expect(error.message).toMatch(/800 ms/);
  });

  it('lets an explicit streamIdleTimeout win over timeout', async () => {
    const { error } = await readStalled({ timeout: 60_000, streamIdleTimeout: 700 });
    expect(error.message).toMatch(/700 ms/);
  });

  it('computes min(timeout, 5 min) unless the idle limit is explicit', () => {
    const config = (options: ClientOptions) => resolveConfig({ apiKey: TEST_API_KEY, ...options });
    expect(streamIdleTimeoutFor(config({}), {})).toBe(DEFAULT_STREAM_IDLE_TIMEOUT_MS);
    expect(streamIdleTimeoutFor(config({ timeout: 3_000 }), {})).toBe(3_000);
    expect(streamIdleTimeoutFor(config({ timeout: 3_000 }), { timeout: 1_000 })).toBe(1_000);
    expect(streamIdleTimeoutFor(config({ timeout: 3_000, streamIdleTimeout: 9_000 }), {})).toBe(9_000);
    expect(streamIdleTimeoutFor(config({}), { timeout: 3_000, streamIdleTimeout: 7_000 })).toBe(7_000);
  });
});

describe('a stream silent before its first event', () => {
  it('ends with a typed stream_idle timeout within the idle limit, not the attempt timeout', async () => {
    let requests = 0;
    server = await startLoopbackServer((_request, response) => {
      requests++;
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.flushHeaders(); // headers, then nothing
    });
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', maxRetries: 1, timeout: 60_000, streamIdleTimeout: 200, retry: { initialBackoffMs: 1 } });
    const error = await caught<NetworkError>(async () => {
      for await (const _chunk of core.stream('/chat/completions', { body: {} })) { /* nothing comes */ }
    });
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle', attempts: 2 });
    expect(requests).toBe(2); // nothing reached the caller, so the attempt was retried
  });
});
