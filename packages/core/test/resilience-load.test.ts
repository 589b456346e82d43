/**
 * Load and outage tests (correctness, not speed): many calls against a real flaky or dead
 * server on 127.0.0.1.
 */
import { apiError, startMockServer, type MockServer } from '@integrations/openai-testing';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICore, OpenAIError } from '../src/index.js';
import { TEST_API_KEY, virtualClock } from './helpers.js';

let server: MockServer | undefined;
afterEach(async () => server?.close());

/** A small seeded generator, so a failing run can be replayed exactly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function runWithConcurrency<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<Array<PromiseSettledResult<T>>> {
  const results: Array<PromiseSettledResult<T>> = new Array(count);
  let next = 0;
  async function worker() {
    while (next < count) {
      const index = next++;
      results[index] = await task(index).then((value) => ({ status: 'fulfilled', value }) as const, (reason: unknown) => ({ status: 'rejected', reason }) as const);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

describe('under load', () => {
  it('completes 2,000 calls at concurrency 100 with 5% random 503s, one idempotency key per call', async () => {
    const random = seededRandom(20_261_123);
    server = await startMockServer();
    server.faults.when(() => (random() < 0.05 ? { status: 503, body: apiError('flaky') } : undefined));
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', retry: { initialBackoffMs: 5, maxBackoffMs: 50 } });
    const results = await runWithConcurrency(2_000, 100, (index) => core.post('/chat/completions', { body: { model: 'gpt-4o', messages: [{ role: 'user', content: `call ${index}` }], call: index } }));
    const failures = results.filter((result) => result.status === 'rejected');
    expect(failures).toEqual([]);

    const keysByCall = new Map<number, Set<string>>();
    for (const request of server.requests) {
      const callIndex = (request.json as { call: number }).call;
      const keys = keysByCall.get(callIndex) ?? new Set<string>();
      keys.add(String(request.headers['idempotency-key']));
      keysByCall.set(callIndex, keys);
    }
    expect(keysByCall.size).toBe(2_000);
    for (const keys of keysByCall.values()) expect(keys.size).toBe(1);
    const allKeys = [...keysByCall.values()].map((keys) => [...keys][0]);
    expect(new Set(allKeys).size).toBe(2_000);
    expect(server.requests.length).toBeGreaterThan(2_000); // some calls really were retried
  }, 60_000);
});

describe('when the server is down', () => {
  it('200 calls to a server answering 503 cause at most 300 requests', async () => {
    server = await startMockServer();
    server.faults.always({ status: 503, body: apiError('down') });
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off' }, { clock: virtualClock() });
    const results = await runWithConcurrency(200, 10, () => core.post('/chat/completions', { body: {} }));
    expect(results.every((result) => result.status === 'rejected' && OpenAIError.isInstance(result.reason))).toBe(true);
    const kinds = new Set(results.map((result) => (result as PromiseRejectedResult).reason.kind));
    expect(kinds).toEqual(new Set(['service_unavailable', 'circuit_open']));
    expect(server.requests.length).toBeLessThanOrEqual(300);
    console.info(`server down (503): 200 calls → ${server.requests.length} requests`);
  });

  it('200 calls to a port nobody listens on cause at most 300 connection attempts', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    let connections = 0;
    probe.on('connection', (socket) => { connections++; socket.destroy(); });
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: `http://127.0.0.1:${port}/v1`, logLevel: 'off' }, { clock: virtualClock() });
    try {
      const results = await runWithConcurrency(200, 200, () => core.post('/chat/completions', { body: {} }));
      expect(results.every((result) => result.status === 'rejected')).toBe(true);
      expect(connections).toBeLessThanOrEqual(300);
      console.info(`server down (reset): 200 concurrent calls → ${connections} connections`);
    } finally {
      await new Promise<void>((resolve) => probe.close(() => resolve()));
    }
  });
});
