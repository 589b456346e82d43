/** Retries, breaker changes and limiter waits are visible to metrics, tracing and hooks. */
import { apiError, startMockServer, type MockServer } from '@integrations/openai-testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenAICore, METRICS, type Span, type TracingHook } from '../src/index.js';
import { caught, TEST_API_KEY, virtualClock } from './helpers.js';

let server: MockServer | undefined;
afterEach(async () => server?.close());

function spanRecorder() {
  const events: Array<{ span: string; event: string; attributes: unknown }> = [];
  const tracing: TracingHook = {
    startSpan: (name) => ({
      setAttribute: () => undefined,
      addEvent: (event, attributes) => events.push({ span: name, event, attributes }),
      end: () => undefined,
    }) satisfies Span,
  };
  return { events, tracing };
}

describe('resilience telemetry', () => {
  it('counts retries by kind and records them as events on the call span', async () => {
    server = await startMockServer();
    server.faults.next({ status: 503, body: apiError('busy') });
    const incrementCounter = vi.fn();
    const { events, tracing } = spanRecorder();
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', hooks: { tracing, metrics: { incrementCounter, recordHistogram: vi.fn() } } }, { clock: virtualClock() });
    await core.post('/chat/completions', { body: {} });
    expect(incrementCounter).toHaveBeenCalledWith(METRICS.retries, 1, { endpoint: '/chat/completions', kind: 'service_unavailable' });
    expect(events).toEqual([{ span: 'openai.request', event: 'retry', attributes: expect.objectContaining({ 'openai.attempt': 1, 'openai.error.kind': 'service_unavailable' }) }]);
  });

  it('reports limiter waits to metrics, the span and the rate-limit hook', async () => {
    server = await startMockServer();
    const incrementCounter = vi.fn();
    const onWait = vi.fn();
    const { events, tracing } = spanRecorder();
    const core = createOpenAICore({
      apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off',
      rateLimit: { requestsPerMinute: 600, burst: 1 / 600 }, // one at once, then one every 100 ms
      hooks: { tracing, rateLimit: { onWait }, metrics: { incrementCounter, recordHistogram: vi.fn() } },
    });
    await Promise.all(Array.from({ length: 2 }, () => core.get('/models', {}, { rateLimit: { estimatedTokens: 0 } })));
    expect(onWait).toHaveBeenCalledOnce();
    expect(incrementCounter).toHaveBeenCalledWith(METRICS.rateLimitHits, 1, { endpoint: '/models', source: 'client' });
    expect(events.some((event) => event.event === 'rate_limit_wait')).toBe(true);
  });

  it('tells the breaker hook each outcome and the state it left', async () => {
    server = await startMockServer();
    server.faults.always({ status: 503 });
    const onOutcome = vi.fn();
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', maxRetries: 0, circuitBreaker: { failureThreshold: 2 }, hooks: { circuitBreaker: { onOutcome } } });
    await caught(() => core.get('/models'));
    await caught(() => core.get('/models'));
    expect(onOutcome.mock.calls.map(([event]) => event.state)).toEqual(['closed', 'open']);
    expect(onOutcome).toHaveBeenCalledWith({ endpoint: '/models', outcome: 'failure', state: 'open' });
  });
});
