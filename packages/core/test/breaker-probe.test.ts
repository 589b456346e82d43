/**
 * The half-open probe slot is held by exactly one probe call and always freed: a rate-limit
 * store that fails after a 200 does not turn the success into an error or keep the circuit
 * shut, and a call admitted before the circuit opened cannot count as a probe success.
 */
import { apiError, startMockServer, type MockServer } from '@integrations/openai-testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenAICore, InMemoryRateLimitStore, type ClientOptions, type Middleware } from '../src/index.js';
import { caught, TEST_API_KEY, virtualClock } from './helpers.js';

let server: MockServer | undefined;
afterEach(async () => server?.close());

async function setup(options: ClientOptions = {}) {
  server = await startMockServer();
  const clock = virtualClock();
  const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', maxRetries: 0, ...options }, { clock });
  const call = () => core.post<{ id: string }>('/chat/completions', { body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] } });
  return { core, clock, server, call };
}

/** A store that works until `failing` is set, then rejects every write (a Redis blip). */
class FlakyStore extends InMemoryRateLimitStore {
  failing = false;
  override async adjust(...args: Parameters<InMemoryRateLimitStore['adjust']>) {
    if (this.failing) throw new Error('store unavailable');
    return super.adjust(...args);
  }
  override async observe(...args: Parameters<InMemoryRateLimitStore['observe']>) {
    if (this.failing) throw new Error('store unavailable');
    return super.observe(...args);
  }
}

describe('the half-open probe', () => {
  it('keeps a 200 a success when the rate-limit store fails afterwards, and frees the probe', async () => {
    const store = new FlakyStore();
    const onError = vi.fn<NonNullable<Middleware['onError']>>();
    const { clock, server, call } = await setup({ rateLimit: { requestsPerMinute: 1_000, tokensPerMinute: 1_000_000, store }, middleware: [{ onError }], circuitBreaker: { failureThreshold: 1, successThreshold: 2 } });
    server.faults.next({ status: 503, body: apiError('down') });
    await caught(call); // opens the circuit
    clock.advance(30_000);
    store.failing = true;
    server.chat.reply('probe ok');
    const probe = await call();
    expect(probe.id).toMatch(/^chatcmpl-/);
    expect(onError).toHaveBeenCalledTimes(1); // only the first 503, not the probe
    // The slot is free: the next call is a probe too, not circuit_open forever.
    expect((await call()).id).toMatch(/^chatcmpl-/);
    expect(server.requests).toHaveLength(3);
  });

  it('does not count a call admitted before the circuit opened as a probe success', async () => {
    const clock = virtualClock();
    const pending: Array<(response: Response) => void> = [];
    const core = createOpenAICore({
      apiKey: TEST_API_KEY, baseUrl: 'http://127.0.0.1:9/v1', logLevel: 'off', maxRetries: 0,
      circuitBreaker: { failureThreshold: 1, successThreshold: 1 },
      transport: { send: () => new Promise<Response>((resolve) => pending.push(resolve)) },
    }, { clock });
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const call = () => core.post<{ id: string }>('/chat/completions', { body: {} });
    const sent = (count: number) => vi.waitFor(() => expect(pending).toHaveLength(count));

    const old = call(); // admitted while the circuit is closed
    await sent(1);
    const failing = call();
    await sent(2);
    pending[1]!(json(503, { error: { message: 'down' } }));
    await caught(() => failing); // opens the circuit
    clock.advance(30_000);
    const probe = call(); // half-open: takes the probe slot
    await sent(3);
    pending[0]!(json(200, { id: 'old' }));
    expect((await old).id).toBe('old');
    // The probe has not answered: the circuit must still be half-open with its slot taken.
    expect((await caught(call)).kind).toBe('circuit_open');
    expect(pending).toHaveLength(3);
    pending[2]!(json(503, { error: { message: 'still down' } }));
    expect((await caught(() => probe)).kind).toBe('service_unavailable');
    expect((await caught(call)).kind).toBe('circuit_open');
  });
});
