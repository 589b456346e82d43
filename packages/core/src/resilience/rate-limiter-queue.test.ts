/** The rate limiter's wait queue: first come, first served, with honest wait estimates. */
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock.js';
import { RateLimiter, type RateLimitOptions } from './rate-limiter.js';

beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => vi.useRealTimers());

/** Whether each promise has settled, updated as they do. */
function track(promises: Array<Promise<unknown>>) {
  const granted = promises.map(() => false);
  promises.forEach((promise, index) => promise.then(() => (granted[index] = true), () => undefined));
  return granted;
}

/** A limiter reporting every wait it announces. */
function limiterWithWaits(options: RateLimitOptions) {
  const waits: number[] = [];
  const limiter = new RateLimiter(options, systemClock, { onWait: (event) => waits.push(event.waitMs) });
  return { limiter, waits };
}

describe('queue order', () => {
  it('keeps a small call behind a queued large one, even when the small one would fit', async () => {
    const limiter = new RateLimiter({ tokensPerMinute: 100, burst: 1, queueTimeoutMs: 120_000 }, systemClock);
    await limiter.acquire(100, '/a');
    const large = track([limiter.acquire(60, '/a')]); // needs 36 s of refill
    await vi.advanceTimersByTimeAsync(30_000); // 50 tokens back
    const small = track([limiter.acquire(40, '/a')]);
    await vi.advanceTimersByTimeAsync(0);
    expect([large[0], small[0]]).toEqual([false, false]);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(large[0]).toBe(true);
  });

  it('serves the next call as soon as it fits when the head of the queue gives up', async () => {
    const limiter = new RateLimiter({ tokensPerMinute: 100, burst: 1, queueTimeoutMs: 120_000 }, systemClock);
    await limiter.acquire(100, '/a');
    const leaving = new AbortController();
    void limiter.acquire(100, '/a', leaving.signal).catch(() => undefined); // needs 60 s
    const next = track([limiter.acquire(10, '/a')]);
    await vi.advanceTimersByTimeAsync(6_000); // 10 tokens back
    expect(next).toEqual([false]);
    leaving.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(next).toEqual([true]);
  });
});

describe('a queue that forms again', () => {
  it('serves calls queued after an earlier queue drained', async () => {
    const limiter = new RateLimiter({ requestsPerMinute: 60, burst: 1 / 60 }, systemClock);
    await limiter.acquire(0, '/a');
    const first = track([limiter.acquire(0, '/a')]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(first).toEqual([true]);
    const again = track([limiter.acquire(0, '/a'), limiter.acquire(0, '/a')]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(again).toEqual([true, true]);
  });
});

describe('wait estimates', () => {
  it('is not thrown off by a limit configured as zero (not enforced)', async () => {
    const { limiter, waits } = limiterWithWaits({ requestsPerMinute: 0, tokensPerMinute: 100, burst: 1 });
    await limiter.acquire(100, '/a');
    void limiter.acquire(50, '/a');
    void limiter.acquire(50, '/a');
    await vi.advanceTimersByTimeAsync(0);
    expect(waits).toEqual([30_000, 60_000]);
  });

  it("announces the store's own wait for the first call to queue", async () => {
    const { limiter, waits } = limiterWithWaits({ tokensPerMinute: 100, burst: 1 });
    await limiter.acquire(70, '/a'); // 30 left: 50 more need 20 tokens, 12 s
    void limiter.acquire(50, '/a');
    await vi.advanceTimersByTimeAsync(0);
    expect(waits).toEqual([12_000]);
  });

  it('counts the calls still queued, not the ones already served, in a new wait', async () => {
    const { limiter, waits } = limiterWithWaits({ requestsPerMinute: 60, burst: 1 / 60 });
    await limiter.acquire(0, '/a');
    void limiter.acquire(0, '/a'); // served at 1 s
    void limiter.acquire(0, '/a'); // served at 2 s
    await vi.advanceTimersByTimeAsync(1_000);
    void limiter.acquire(0, '/a'); // behind the one left: served at 3 s
    await vi.advanceTimersByTimeAsync(0);
    expect(waits).toEqual([1_000, 2_000, 2_000]);
  });
});

describe('abort listeners', () => {
  it('leaves no listener on the caller’s signal once a queued call is served', async () => {
    const limiter = new RateLimiter({ requestsPerMinute: 60, burst: 1 / 60 }, systemClock);
    const controller = new AbortController();
    await limiter.acquire(0, '/a', controller.signal);
    const queued = limiter.acquire(0, '/a', controller.signal);
    await vi.advanceTimersByTimeAsync(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await queued;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('hooks', () => {
  it('queues a call through a hook that has no onWait', async () => {
    const limiter = new RateLimiter({ requestsPerMinute: 60, burst: 1 / 60 }, systemClock, {});
    await limiter.acquire(0, '/a');
    const queued = track([limiter.acquire(0, '/a')]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(queued).toEqual([true]);
  });
});
