/** How the resilience policy uses the client-side rate limiter: estimates, waits, corrections. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caught, recordingLogger } from '../../test/helpers.js';
import { RateLimitError, RequestError } from '../errors/errors.js';
import { METRICS } from '../observability/hooks.js';
import { systemClock } from './clock.js';
import { InMemoryRateLimitStore } from './rate-limit-store.js';
import { createResiliencePolicy, type ResilienceSettings } from './resilience.js';
import type { CallContext } from './resilience-policy.js';

beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => vi.useRealTimers());

/** A policy with a limiter whose minute buckets hold a whole minute (`burst: 1`), on fake timers. */
function setup(settings: Partial<ResilienceSettings> = {}) {
  const logger = recordingLogger();
  const policy = createResiliencePolicy({
    maxRetries: 0, retry: { jitter: 0 }, circuitBreaker: false, rateLimit: { burst: 1 }, hooks: {}, clock: systemClock, logger, ...settings,
  });
  return { policy, logger };
}

function call(options: CallContext['options'] = {}, body: unknown = { model: 'gpt-4o', messages: [] }) {
  const spanEvent = vi.fn();
  const context: CallContext = { spec: { method: 'POST', path: '/chat/completions', body }, options, endpoint: '/chat/completions', replayable: true, spanEvent };
  return context;
}

const answer = (value: unknown = {}, headers: Record<string, string> = {}) => async () => ({ value, response: new Response(null, { headers }) });

/** Whether `promise` has settled after the pending timers at this instant ran. */
async function settledNow(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(() => (settled = true), () => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  return settled;
}

/** Headers that say one request a minute and none left for a minute. */
const EXHAUSTED = { 'x-ratelimit-limit-requests': '1', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '60s' };

describe('which calls the limiter sees', () => {
  it('lets a call that opts out of rate limiting through at once, even when the budget is spent', async () => {
    const { policy } = setup({ rateLimit: { requestsPerMinute: 1, burst: 1 } });
    await policy.run(call(), answer());
    expect(await settledNow(policy.run(call({ rateLimit: false }), answer()))).toBe(true);
    expect(await settledNow(policy.run(call(), answer()))).toBe(false);
  });

  it('takes the caller’s token estimate over its own', async () => {
    const { policy } = setup({ rateLimit: { tokensPerMinute: 100 } });
    const refused = await caught(() => policy.run(call({ rateLimit: { estimatedTokens: 500 } }), answer()));
    expect(refused).toBeInstanceOf(RateLimitError);
    expect(refused.kind).toBe('request_too_large');
  });
});

describe('waiting for the limiter', () => {
  it('records the wait on the call span, and no event when there was none', async () => {
    const { policy } = setup({ rateLimit: { requestsPerMinute: 60, burst: 1 / 60 } });
    const first = call();
    await policy.run(first, answer());
    const second = call();
    const pending = policy.run(second, answer());
    await vi.advanceTimersByTimeAsync(1_000);
    await pending;
    expect(first.spanEvent).not.toHaveBeenCalled();
    expect(second.spanEvent).toHaveBeenCalledExactlyOnceWith('rate_limit_wait', { 'openai.attempt': 1, 'openai.rate_limit.wait_ms': 1_000 });
  });

  it('logs the wait, counts it, and tells the hook', async () => {
    const onWait = vi.fn();
    const incrementCounter = vi.fn();
    const { policy, logger } = setup({
      rateLimit: { requestsPerMinute: 60, burst: 1 / 60 },
      hooks: { rateLimit: { onWait }, metrics: { incrementCounter, recordHistogram: vi.fn() } },
    });
    await policy.run(call(), answer());
    void policy.run(call(), answer());
    await vi.advanceTimersByTimeAsync(0);
    expect(logger.lines).toEqual([{ level: 'debug', message: 'Client-side rate limit: waiting 1000 ms (1 queued)' }]);
    expect(incrementCounter).toHaveBeenCalledExactlyOnceWith(METRICS.rateLimitHits, 1, { endpoint: '/chat/completions', source: 'client' });
    expect(onWait).toHaveBeenCalledExactlyOnceWith({ endpoint: '/chat/completions', waitMs: 1_000, queued: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
  });

  it('needs no rate-limit hook, and no onWait in the one given', async () => {
    for (const hooks of [{}, { rateLimit: {} }]) {
      const { policy, logger } = setup({ rateLimit: { requestsPerMinute: 60, burst: 1 / 60 }, hooks });
      await policy.run(call(), answer());
      const pending = policy.run(call(), answer());
      await vi.advanceTimersByTimeAsync(1_000);
      await pending;
      expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([]);
    }
  });

  it('tells the hook of a call the full queue refused', async () => {
    const onRejected = vi.fn();
    const { policy } = setup({ rateLimit: { requestsPerMinute: 1, burst: 1, maxQueueSize: 0 }, hooks: { rateLimit: { onRejected } } });
    await policy.run(call(), answer());
    expect((await caught(() => policy.run(call(), answer()))).kind).toBe('queue_full');
    expect(onRejected).toHaveBeenCalledExactlyOnceWith({ endpoint: '/chat/completions', reason: 'queue_full' });
  });

  it('needs no onRejected in the rate-limit hook, nor the hook at all, to refuse a call', async () => {
    for (const hooks of [{}, { rateLimit: {} }]) {
      const { policy, logger } = setup({ rateLimit: { requestsPerMinute: 1, burst: 1, maxQueueSize: 0 }, hooks });
      await policy.run(call(), answer());
      expect((await caught(() => policy.run(call(), answer()))).kind).toBe('queue_full');
      expect(logger.lines).toEqual([]);
    }
  });

  it('logs an onWait hook that throws under the rate-limit name, and still serves the call', async () => {
    const { policy, logger } = setup({ rateLimit: { requestsPerMinute: 60, burst: 1 / 60 }, hooks: { rateLimit: { onWait: () => { throw new Error('hook bug'); } } } });
    await policy.run(call(), answer());
    const pending = policy.run(call(), answer('second'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await pending).value).toBe('second');
    expect(logger.lines.filter((line) => line.level === 'warn').map((line) => line.message)).toEqual(['A rate limit hook threw; ignoring it.']);
  });

  it('logs a rate-limit hook that throws under its own name', async () => {
    const { policy, logger } = setup({ rateLimit: { requestsPerMinute: 1, burst: 1, maxQueueSize: 0 }, hooks: { rateLimit: { onRejected: () => { throw new Error('hook bug'); } } } });
    await policy.run(call(), answer());
    expect((await caught(() => policy.run(call(), answer()))).kind).toBe('queue_full');
    expect(logger.lines.map((line) => line.message)).toEqual(['A rate limit hook threw; ignoring it.']);
  });
});

describe('correcting the estimate', () => {
  it('gives back what a successful call did not use, from its usage', async () => {
    const { policy } = setup({ rateLimit: { tokensPerMinute: 100, burst: 1 } });
    await policy.run(call({ rateLimit: { estimatedTokens: 80 } }), answer({ usage: { total_tokens: 10 } }));
    expect(await settledNow(policy.run(call({ rateLimit: { estimatedTokens: 80 } }), answer()))).toBe(true);
  });

  it('keeps the estimate when the result reports no usage', async () => {
    const { policy, logger } = setup({ rateLimit: { tokensPerMinute: 100, burst: 1 } });
    await policy.run(call({ rateLimit: { estimatedTokens: 80 } }), answer(null));
    await policy.run(call({ rateLimit: { estimatedTokens: 10 } }), answer({ usage: {} }));
    expect(await settledNow(policy.run(call({ rateLimit: { estimatedTokens: 80 } }), answer()))).toBe(false);
    expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('gives back the whole estimate of a call that failed', async () => {
    const { policy } = setup({ rateLimit: { tokensPerMinute: 100, burst: 1 } });
    await caught(() => policy.run(call({ rateLimit: { estimatedTokens: 80 } }), async () => {
      throw new RequestError({ kind: 'bad_request', message: 'bad', status: 400 });
    }));
    expect(await settledNow(policy.run(call({ rateLimit: { estimatedTokens: 80 } }), answer()))).toBe(true);
  });

  it('logs a store that fails to settle, and keeps the call’s result', async () => {
    const storeError = new Error('store down');
    const store = new InMemoryRateLimitStore();
    store.adjust = async () => {
      throw storeError;
    };
    const { policy, logger } = setup({ rateLimit: { tokensPerMinute: 100, store } });
    const outcome = await policy.run(call({ rateLimit: { estimatedTokens: 80 } }), answer({ usage: { total_tokens: 10 } }));
    expect(outcome.value).toEqual({ usage: { total_tokens: 10 } });
    expect(logger.lines).toEqual([{ level: 'warn', message: "Could not settle the rate-limit permit; the call's outcome stands.", data: { error: storeError } }]);
  });

  it('logs a store that fails to give back a failed call’s estimate, and rejects with the call’s error', async () => {
    const store = new InMemoryRateLimitStore();
    store.adjust = async () => {
      throw new Error('store down');
    };
    const { policy, logger } = setup({ rateLimit: { tokensPerMinute: 100, store } });
    const error = await caught(() => policy.run(call({ rateLimit: { estimatedTokens: 80 } }), async () => {
      throw new RequestError({ kind: 'bad_request', message: 'bad', status: 400, headers: EXHAUSTED });
    }));
    expect(error.kind).toBe('bad_request');
    expect(logger.lines.map((line) => line.message)).toEqual(["Could not settle the rate-limit permit; the call's outcome stands."]);
  });

  it('logs a store that fails to take a failed call’s headers, and rejects with the call’s error', async () => {
    const store = new InMemoryRateLimitStore();
    store.observe = async () => {
      throw new Error('store down');
    };
    const { policy, logger } = setup({ rateLimit: { requestsPerMinute: 100, store } });
    const error = await caught(() => policy.run(call(), async () => {
      throw new RequestError({ kind: 'bad_request', message: 'bad', status: 400, headers: EXHAUSTED });
    }));
    expect(error.kind).toBe('bad_request');
    expect(logger.lines.map((line) => line.message)).toEqual(["Could not read rate-limit headers; the call's outcome stands."]);
  });

  it('logs a store that fails to take the server’s headers, and keeps the call’s result', async () => {
    const store = new InMemoryRateLimitStore();
    store.observe = async () => {
      throw new Error('store down');
    };
    const { policy, logger } = setup({ rateLimit: { requestsPerMinute: 100, store } });
    await policy.run(call(), answer('done', EXHAUSTED));
    expect(logger.lines.map((line) => line.message)).toEqual(["Could not read rate-limit headers; the call's outcome stands."]);
  });
});

describe('learning limits from the server', () => {
  it("follows a success's rate-limit headers for the call's model", async () => {
    const { policy } = setup();
    await policy.run(call(), answer({}, EXHAUSTED));
    expect(await settledNow(policy.run(call(), answer()))).toBe(false);
    expect(await settledNow(policy.run(call({}, { model: 'gpt-4o-mini' }), answer()))).toBe(true);
  });

  it("follows a failure's rate-limit headers too", async () => {
    const { policy } = setup();
    await caught(() => policy.run(call(), async () => {
      throw new RateLimitError({ kind: 'too_many_requests', message: 'slow down', status: 429, headers: EXHAUSTED });
    }));
    expect(await settledNow(policy.run(call(), answer()))).toBe(false);
  });

  it('learns nothing for a body whose model is not a string', async () => {
    const { policy } = setup();
    await policy.run(call({}, { model: 42 }), answer({}, EXHAUSTED));
    expect(await settledNow(policy.run(call({}, { model: 42 }), answer()))).toBe(true);
  });
});

describe('without a limiter', () => {
  it('reads no rate-limit headers and settles nothing, quietly', async () => {
    const { policy, logger } = setup({ rateLimit: undefined });
    await policy.run(call(), answer({}, EXHAUSTED));
    await caught(() => policy.run(call(), async () => {
      throw new RateLimitError({ kind: 'too_many_requests', message: 'slow down', status: 429, headers: EXHAUSTED });
    }));
    expect(logger.lines).toEqual([]);
  });
});
