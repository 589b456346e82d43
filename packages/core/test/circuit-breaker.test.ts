/** The circuit breaker end to end, against a real server, with virtual time for recovery. */
import { apiError, startMockServer, type MockServer } from '@integrations/openai-testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenAICore, METRICS, ServerError, type ClientOptions } from '../src/index.js';
import { caught, TEST_API_KEY, virtualClock } from './helpers.js';

let server: MockServer | undefined;
afterEach(async () => server?.close());

async function setup(options: ClientOptions = {}) {
  server = await startMockServer();
  server.faults.always({ status: 503, body: apiError('down') });
  const clock = virtualClock();
  const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', maxRetries: 0, ...options }, { clock });
  return { core, clock, server };
}

const call = (core: ReturnType<typeof createOpenAICore>, path = '/chat/completions', options = {}) => core.post(path, { body: {} }, options);

describe('circuit breaker (real server)', () => {
  it('opens after 5 failed calls and then fails fast with circuit_open, sending nothing', async () => {
    const onStateChange = vi.fn();
    const onRejected = vi.fn();
    const setGauge = vi.fn();
    const { core, server } = await setup({ hooks: { circuitBreaker: { onStateChange, onRejected }, metrics: { incrementCounter: vi.fn(), recordHistogram: vi.fn(), setGauge } } });
    for (let index = 0; index < 5; index++) await caught(() => call(core));
    expect(server.requests).toHaveLength(5);
    const error = await caught<ServerError>(() => call(core));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ kind: 'circuit_open', retryable: false, retryAfterMs: 30_000 });
    expect(server.requests).toHaveLength(5);
    expect(onStateChange).toHaveBeenCalledWith({ endpoint: 'POST /chat/completions', from: 'closed', to: 'open' });
    expect(onRejected).toHaveBeenCalledOnce();
    expect(setGauge).toHaveBeenCalledWith(METRICS.circuitState, 2, { endpoint: 'POST /chat/completions' });
  });

  it('lets a probe through after the recovery timeout and closes after 3 successes', async () => {
    const { core, clock, server } = await setup();
    for (let index = 0; index < 5; index++) await caught(() => call(core));
    server.faults.clear();
    clock.advance(30_000);
    for (let index = 0; index < 3; index++) await call(core);
    expect(server.requests).toHaveLength(8);
    server.faults.always({ status: 503, body: apiError('down') });
    for (let index = 0; index < 4; index++) await caught(() => call(core));
    expect((await caught(() => call(core))).kind).toBe('service_unavailable'); // closed again: the 5th failure is sent
  });

  it('reopens when the probe fails', async () => {
    const { core, clock, server } = await setup();
    for (let index = 0; index < 5; index++) await caught(() => call(core));
    clock.advance(30_000);
    expect((await caught(() => call(core))).kind).toBe('service_unavailable');
    expect((await caught(() => call(core))).kind).toBe('circuit_open');
    expect(server.requests).toHaveLength(6);
  });

  it('does not open because one call failed through all its retries', async () => {
    const { core, server } = await setup({ maxRetries: 8 });
    await caught(() => call(core));
    expect(server.requests).toHaveLength(9);
    expect((await caught(() => call(core))).kind).toBe('service_unavailable');
  });

  it('never counts 4xx or aborts', async () => {
    const { core, server } = await setup();
    server.faults.always({ status: 400, body: apiError('bad', 'invalid_request_error') });
    for (let index = 0; index < 10; index++) await caught(() => call(core));
    expect((await caught(() => call(core))).kind).toBe('validation');
    expect(server.requests).toHaveLength(11);
  });

  it('keeps one circuit per endpoint (method + path template) by default', async () => {
    const { core, server } = await setup();
    for (let index = 0; index < 5; index++) await caught(() => call(core, '/embeddings'));
    expect((await caught(() => call(core, '/embeddings'))).kind).toBe('circuit_open');
    expect((await caught(() => call(core, '/moderations'))).kind).toBe('service_unavailable');
    expect((await caught(() => core.get('/embeddings'))).kind).toBe('service_unavailable'); // GET is another endpoint
    expect(server.requests).toHaveLength(7);
  });

  it('keeps one circuit for the whole client with perEndpoint: false', async () => {
    const onStateChange = vi.fn();
    const { core, server } = await setup({ circuitBreaker: { perEndpoint: false }, hooks: { circuitBreaker: { onStateChange } } });
    for (let index = 0; index < 5; index++) await caught(() => call(core, '/chat/completions'));
    expect((await caught(() => call(core, '/embeddings'))).kind).toBe('circuit_open');
    expect(onStateChange).toHaveBeenCalledWith({ endpoint: '*', from: 'closed', to: 'open' });
    expect(server.requests).toHaveLength(5);
  });

  it('can be bypassed per call and turned off per client', async () => {
    const { core, server } = await setup();
    for (let index = 0; index < 5; index++) await caught(() => call(core));
    expect((await caught(() => call(core, '/chat/completions', { circuitBreaker: false }))).kind).toBe('service_unavailable');
    await server.close();
    const off = await setup({ circuitBreaker: false });
    for (let index = 0; index < 7; index++) await caught(() => call(off.core));
    expect(off.server.requests).toHaveLength(7);
  });
});
