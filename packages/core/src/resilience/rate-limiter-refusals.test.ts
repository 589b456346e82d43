/** How the rate limiter refuses a call: the error, its message, and what the hook hears. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caught } from '../../test/helpers.js';
import { RateLimitError } from '../errors/errors.js';
import { systemClock } from './clock.js';
import { InMemoryRateLimitStore } from './rate-limit-store.js';
import { RateLimiter, type RateLimitHook } from './rate-limiter.js';

beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => vi.useRealTimers());

describe('refusals', () => {
  it('refuses a request larger than tokensPerMinute with its size in the message, without a hook method for it', async () => {
    const limiter = new RateLimiter({ tokensPerMinute: 10 }, systemClock, {});
    const error = await caught<RateLimitError>(() => limiter.acquire(100, '/chat/completions'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.kind).toBe('request_too_large');
    expect(error.message).toBe('This request needs about 100 tokens, more than tokensPerMinute (10) allows at once.');
  });

  it('tells the hook of a request too large', async () => {
    const onRejected = vi.fn();
    const limiter = new RateLimiter({ tokensPerMinute: 10 }, systemClock, { onRejected });
    await caught(() => limiter.acquire(100, '/chat/completions'));
    expect(onRejected).toHaveBeenCalledExactlyOnceWith({ endpoint: '/chat/completions', reason: 'too_large' });
  });

  it('refuses a call when the queue is full, saying how large the queue is, without a hook method for it', async () => {
    const limiter = new RateLimiter({ requestsPerMinute: 1, burst: 1, maxQueueSize: 1, queueTimeoutMs: 120_000 }, systemClock, {});
    await limiter.acquire(0, '/a');
    void limiter.acquire(0, '/a');
    const error = await caught<RateLimitError>(() => limiter.acquire(0, '/a'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe('Client-side rate limit reached and the wait queue is full (1 calls).');
  });

  it('tells the hook of a full queue', async () => {
    const onRejected = vi.fn();
    const limiter = new RateLimiter({ requestsPerMinute: 1, burst: 1, maxQueueSize: 0 }, systemClock, { onRejected });
    await limiter.acquire(0, '/a');
    await caught(() => limiter.acquire(0, '/a'));
    expect(onRejected).toHaveBeenCalledExactlyOnceWith({ endpoint: '/a', reason: 'queue_full' });
  });

  it('refuses a wait longer than queueTimeoutMs with both figures in the message, with or without a hook', async () => {
    for (const hook of [undefined, {}] as Array<RateLimitHook | undefined>) {
      const limiter = new RateLimiter({ requestsPerMinute: 1, burst: 1, queueTimeoutMs: 5_000 }, systemClock, hook);
      await limiter.acquire(0, '/a');
      const error = await caught<RateLimitError>(() => limiter.acquire(0, '/a'));
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.message).toBe('Client-side rate limit: this call would wait about 60000 ms for capacity, longer than rateLimit.queueTimeoutMs (5000 ms).');
    }
  });

  it('refuses a call whose signal is already aborted, even when there is room', async () => {
    const limiter = new RateLimiter({ requestsPerMinute: 100 }, systemClock);
    const controller = new AbortController();
    controller.abort();
    expect(await caught(() => limiter.acquire(0, '/a', controller.signal))).toMatchObject({ kind: 'aborted' });
  });
});

describe('a queued call that waits longer than expected', () => {
  it('fails with queue_timeout once queueTimeoutMs has passed in the queue', async () => {
    const onRejected = vi.fn();
    const limiter = new RateLimiter({ requestsPerMinute: 60, burst: 1 / 60, queueTimeoutMs: 5_000 }, systemClock, { onRejected });
    await limiter.acquire(0, '/a', undefined, 'gpt-4o');
    const queued = caught<RateLimitError>(() => limiter.acquire(0, '/a', undefined, 'gpt-4o')); // expects about 1 s
    await vi.advanceTimersByTimeAsync(0);
    // The server now says this model has nothing left for ten minutes.
    await limiter.observe({ limitRequests: 1, remainingRequests: 0, resetRequestsMs: 600_000 }, 'gpt-4o');
    await vi.advanceTimersByTimeAsync(4_999);
    expect(onRejected).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await queued).toMatchObject({ category: 'rate_limit', kind: 'queue_timeout', retryAfterMs: 1_000 });
    expect(onRejected).toHaveBeenCalledExactlyOnceWith({ endpoint: '/a', reason: 'queue_timeout' });
  });

  it('does not report a timeout for a call that was served in time', async () => {
    const onRejected = vi.fn();
    const limiter = new RateLimiter({ requestsPerMinute: 60, burst: 1 / 60, queueTimeoutMs: 5_000 }, systemClock, { onRejected });
    await limiter.acquire(0, '/a');
    const queued = limiter.acquire(0, '/a');
    await vi.advanceTimersByTimeAsync(1_000);
    await queued;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onRejected).not.toHaveBeenCalled();
  });
});

describe('a store that fails while calls wait', () => {
  it('rejects the waiting calls with the store error, and serves later calls once the store is back', async () => {
    const inner = new InMemoryRateLimitStore();
    const storeError = new Error('store down');
    let failing = false;
    const store = {
      tryConsume: (...args: Parameters<InMemoryRateLimitStore['tryConsume']>) => {
        if (failing) return Promise.reject(storeError);
        return inner.tryConsume(...args);
      },
      adjust: inner.adjust.bind(inner),
      observe: inner.observe.bind(inner),
    };
    const limiter = new RateLimiter({ requestsPerMinute: 60, burst: 1 / 60, store }, systemClock);
    await limiter.acquire(0, '/a');
    const waiting = [caught(() => limiter.acquire(0, '/a')), caught(() => limiter.acquire(0, '/a'))];
    await vi.advanceTimersByTimeAsync(0);
    failing = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await Promise.all(waiting)).toEqual([storeError, storeError]);
    failing = false;
    let served = 0;
    for (let call = 0; call < 2; call++) void limiter.acquire(0, '/a').then(() => served++); // the second one queues
    await vi.advanceTimersByTimeAsync(1_000);
    expect(served).toBe(2);
  });
});
