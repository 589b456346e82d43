/** How the resilience policy decides on retries: what it retries, what it logs, what hooks hear. */
import { describe, expect, it, vi } from 'vitest';
import { caught, recordingLogger, virtualClock } from '../../test/helpers.js';
import { RateLimitError, RequestError, ServerError } from '../errors/errors.js';
import { METRICS } from '../observability/hooks.js';
import { createResiliencePolicy, type ResilienceSettings } from './resilience.js';
import type { CallContext } from './resilience-policy.js';

/** Two retries, no jitter, no breaker, on a virtual clock that records each wait. */
function setup(settings: Partial<ResilienceSettings> = {}) {
  const logger = recordingLogger();
  const clock = virtualClock();
  const policy = createResiliencePolicy({
    maxRetries: 2, retry: { jitter: 0 }, circuitBreaker: false, rateLimit: undefined, hooks: {}, clock, logger, ...settings,
  });
  return { policy, logger, clock };
}

function call(overrides: Partial<CallContext> = {}): CallContext {
  return { spec: { method: 'POST', path: '/chat/completions' }, options: {}, endpoint: '/chat/completions', replayable: true, spanEvent: () => undefined, ...overrides };
}

const busy = () => new ServerError({ kind: 'service_unavailable', message: 'busy', status: 503, retryable: true });

/** An attempt that fails with `failures` errors in turn, then succeeds; counts its calls. */
function flaky(...failures: unknown[]) {
  const attempt = vi.fn(async (attemptNumber: number) => {
    if (attemptNumber <= failures.length) throw failures[attemptNumber - 1];
    return { value: `attempt ${attemptNumber}`, response: new Response(null) };
  });
  return attempt;
}

describe('retry log lines', () => {
  it('announces each retry with the wait, the attempt it leads to and the error', async () => {
    const { policy, logger } = setup();
    await policy.run(call(), flaky(busy(), busy()));
    expect(logger.lines).toEqual([
      { level: 'info', message: 'Retrying POST /chat/completions in 500 ms (attempt 2 of 3): busy' },
      { level: 'info', message: 'Retrying POST /chat/completions in 1000 ms (attempt 3 of 3): busy' },
    ]);
  });

  it('says why it stops when the server asks for a wait longer than maxRetryAfter', async () => {
    const { policy, logger } = setup();
    await caught(() => policy.run(call(), flaky(new ServerError({ kind: 'service_unavailable', message: 'busy', status: 503, retryable: true, retryAfterMs: 90_000 }))));
    expect(logger.lines).toEqual([
      { level: 'info', message: 'Not retrying /chat/completions: the server asked to wait 90000 ms, longer than retry.maxRetryAfter (60000 ms).' },
    ]);
  });

  it('logs nothing when the retries simply run out', async () => {
    const { policy, logger } = setup({ maxRetries: 0 });
    await caught(() => policy.run(call(), flaky(busy())));
    expect(logger.lines).toEqual([]);
  });
});

describe('the retry budget', () => {
  it('stops retrying once the client budget is spent, says so, and tells the hook why', async () => {
    const onExhausted = vi.fn();
    const { policy, logger } = setup({ maxRetries: 5, retry: { jitter: 0, budget: { maxTokens: 1 } }, hooks: { retry: { onExhausted } } });
    const attempt = flaky(busy(), busy(), busy());
    const error = await caught(() => policy.run(call(), attempt));
    expect(error.kind).toBe('service_unavailable');
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(onExhausted).toHaveBeenCalledExactlyOnceWith({ error, attempts: 2, endpoint: '/chat/completions', reason: 'budget' });
    expect(logger.lines).toContainEqual({ level: 'info', message: "Not retrying /chat/completions: the client's retry budget is spent (the server looks unhealthy)." });
  });

  it('tells the hook the retries ran out when maxRetries is the limit', async () => {
    const onExhausted = vi.fn();
    const { policy } = setup({ maxRetries: 1, hooks: { retry: { onExhausted } } });
    const error = await caught(() => policy.run(call(), flaky(busy(), busy())));
    expect(onExhausted).toHaveBeenCalledExactlyOnceWith({ error, attempts: 2, endpoint: '/chat/completions', reason: 'max_retries' });
  });

  it('retries without limit from the client when the budget is turned off', async () => {
    const { policy } = setup({ maxRetries: 30, retry: { jitter: 0, initialBackoffMs: 1, budget: false } });
    const attempt = flaky(...Array.from({ length: 25 }, busy));
    expect((await policy.run(call(), attempt)).value).toBe('attempt 26');
  });
});

describe('what is never retried', () => {
  it("does not retry a caller's abort, even one marked retryable", async () => {
    const { policy } = setup();
    const attempt = flaky(new RequestError({ kind: 'aborted', message: 'aborted', retryable: true }));
    expect((await caught(() => policy.run(call(), attempt))).kind).toBe('aborted');
    expect(attempt).toHaveBeenCalledOnce();
  });

  it('rethrows an untyped error as it is, without a retry, even one that calls itself retryable', async () => {
    const { policy } = setup();
    const foreign = Object.assign(new Error('from another library'), { retryable: true, kind: 'timeout' });
    const attempt = flaky(foreign);
    expect(await caught(() => policy.run(call(), attempt))).toBe(foreign);
    expect(attempt).toHaveBeenCalledOnce();
  });
});

describe('the retry hook', () => {
  it('keeps the default delay, and says so, when onRetry throws', async () => {
    const hookError = new Error('hook bug');
    const { policy, logger, clock } = setup({ hooks: { retry: { onRetry: () => { throw hookError; } } } });
    expect((await policy.run(call(), flaky(busy()))).value).toBe('attempt 2');
    expect(clock.sleeps).toEqual([500]);
    expect(logger.lines).toContainEqual({ level: 'warn', message: 'A retry hook threw; using the default delay.', data: { error: hookError } });
  });

  it('needs neither onRetry nor onExhausted to be defined', async () => {
    const { policy, logger } = setup({ maxRetries: 1, hooks: { retry: {} } });
    await caught(() => policy.run(call(), flaky(busy(), busy())));
    expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('logs an onExhausted hook that throws under the retry name and still rejects with the error', async () => {
    const { policy, logger } = setup({ maxRetries: 0, hooks: { retry: { onExhausted: () => { throw new Error('hook bug'); } } } });
    expect((await caught(() => policy.run(call(), flaky(busy())))).kind).toBe('service_unavailable');
    expect(logger.lines).toEqual([{ level: 'warn', message: 'A retry hook threw; ignoring it.', data: { error: expect.any(Error) } }]);
  });
});

describe('retry metrics', () => {
  it('counts each retry by endpoint and error kind', async () => {
    const incrementCounter = vi.fn();
    const { policy } = setup({ hooks: { metrics: { incrementCounter, recordHistogram: vi.fn() } } });
    await policy.run(call(), flaky(busy()));
    expect(incrementCounter).toHaveBeenCalledExactlyOnceWith(METRICS.retries, 1, { endpoint: '/chat/completions', kind: 'service_unavailable' });
  });

  it('needs no metrics hook, and no gauge in the one given', async () => {
    const { policy, logger } = setup({ circuitBreaker: { failureThreshold: 1 }, maxRetries: 0 });
    await caught(() => policy.run(call(), flaky(busy())));
    const withoutGauge = setup({ circuitBreaker: { failureThreshold: 1 }, maxRetries: 0, hooks: { metrics: { incrementCounter: vi.fn(), recordHistogram: vi.fn() } } });
    await caught(() => withoutGauge.policy.run(call(), flaky(busy())));
    expect([...logger.lines, ...withoutGauge.logger.lines].map((line) => line.message)).toEqual([
      'Circuit breaker for POST /chat/completions: closed → open',
      'Circuit breaker for POST /chat/completions: closed → open',
    ]);
  });
});

describe('a server wait longer than maxRetryAfter', () => {
  it('fails with the full wait from the reset headers, as a visible field of the error', async () => {
    const { policy } = setup();
    const error = await caught(() => policy.run(call(), flaky(new RateLimitError({
      kind: 'too_many_requests', message: 'slow down', status: 429, retryable: true,
      headers: { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '2m' },
    }))));
    expect(error.retryAfterMs).toBe(120_000);
    expect({ ...error }).toMatchObject({ retryAfterMs: 120_000 });
  });
});
