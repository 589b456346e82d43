import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caught } from '../../test/helpers.js';
import { systemClock } from './clock.js';
import { RateLimitError, RequestError } from '../errors/errors.js';
import { RateLimiter, type RateLimitOptions } from './rate-limiter.js';
import { estimateTokens } from './token-estimate.js';

beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => vi.useRealTimers());

/** A limiter whose buckets hold a whole minute (`burst: 1`) unless a test is about bursts. */
function limiter(options: RateLimitOptions) {
  return new RateLimiter({ burst: 1, ...options }, systemClock);
}

/** Tracks which of several acquisitions have been granted so far. */
function track(promises: Array<Promise<unknown>>) {
  const granted = promises.map(() => false);
  promises.forEach((promise, index) => promise.then(() => (granted[index] = true), () => undefined));
  return granted;
}

describe('client-side rate limiter', () => {
  it('lets a burst up to the per-minute limit through, then queues the rest in order', async () => {
    let waits = 0;
    const limit = new RateLimiter({ requestsPerMinute: 2, queueTimeoutMs: 120_000, burst: 1 }, systemClock, { onWait: () => waits++ });
    const granted = track([limit.acquire(0, '/a'), limit.acquire(0, '/a'), limit.acquire(0, '/a'), limit.acquire(0, '/a')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual([true, true, false, false]);
    await vi.advanceTimersByTimeAsync(30_000); // one request refills every 30 s
    expect(granted).toEqual([true, true, true, false]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(granted).toEqual([true, true, true, true]);
    expect(waits).toBe(2);
  });

  it('limits tokens per minute using the estimate, and corrects it from actual usage', async () => {
    const limit = limiter({ tokensPerMinute: 100 });
    const first = await limit.acquire(80, '/chat');
    const second = track([limit.acquire(80, '/chat')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(second).toEqual([false]);
    await first.settle(10); // the call used 10 tokens, not 80: 70 come back
    await vi.advanceTimersByTimeAsync(300);
    expect(second).toEqual([true]);
  });

  it('refuses at once when the queue is full', async () => {
    const limit = limiter({ requestsPerMinute: 1, maxQueueSize: 1 });
    await limit.acquire(0, '/a');
    void limit.acquire(0, '/a').catch(() => undefined);
    const error = await caught<RateLimitError>(() => limit.acquire(0, '/a'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.kind).toBe('queue_full');
  });

  it('refuses at once with maxQueueSize 0', async () => {
    const limit = limiter({ requestsPerMinute: 1, maxQueueSize: 0 });
    await limit.acquire(0, '/a');
    expect(await caught(() => limit.acquire(0, '/a'))).toMatchObject({ category: 'rate_limit', kind: 'queue_full' });
  });

  it('fails at once, as a RateLimitError with the wait it needed, when the wait exceeds queueTimeoutMs', async () => {
    const onRejected = vi.fn();
    const limit = new RateLimiter({ requestsPerMinute: 1, queueTimeoutMs: 5_000, burst: 1 }, systemClock, { onRejected });
    await limit.acquire(0, '/a');
    const pending = caught<RateLimitError>(() => limit.acquire(0, '/a'));
    await vi.advanceTimersByTimeAsync(0); // no sitting out the 5 s
    const error = await pending;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ kind: 'queue_timeout', retryAfterMs: 60_000 });
    expect(onRejected).toHaveBeenCalledWith({ endpoint: '/a', reason: 'queue_timeout' });
  });

  it("reports each queued call's own wait, behind the calls ahead of it", async () => {
    const waits: number[] = [];
    const limit = new RateLimiter({ requestsPerMinute: 60, burst: 1 / 60, queueTimeoutMs: 10_000 }, systemClock, { onWait: (event) => waits.push(event.waitMs) });
    for (let call = 0; call < 4; call++) void limit.acquire(0, '/a');
    await vi.advanceTimersByTimeAsync(0);
    expect(waits).toEqual([1_000, 2_000, 3_000]);
  });

  it('smooths a minute by default: ten seconds of budget at once, then the per-minute rate', async () => {
    const limit = new RateLimiter({ requestsPerMinute: 60, queueTimeoutMs: 120_000 }, systemClock);
    const granted = track(Array.from({ length: 12 }, () => limit.acquire(0, '/a')));
    await vi.advanceTimersByTimeAsync(0);
    expect(granted.filter(Boolean)).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(granted.filter(Boolean)).toHaveLength(11);
  });

  it('lets a queued call go at once when its signal aborts, and serves the next one', async () => {
    const limit = limiter({ requestsPerMinute: 1, queueTimeoutMs: 120_000 });
    await limit.acquire(0, '/a');
    const controller = new AbortController();
    const aborted = caught<RequestError>(() => limit.acquire(0, '/a', controller.signal));
    const next = track([limit.acquire(0, '/a')]);
    controller.abort();
    expect(await aborted).toMatchObject({ kind: 'aborted' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(next).toEqual([true]);
  });

  it('refuses a request larger than the whole token budget instead of waiting forever', async () => {
    expect(await caught(() => limiter({ tokensPerMinute: 100 }).acquire(500, '/chat'))).toMatchObject({ kind: 'request_too_large' });
  });

  it('enforces per-day limits too', async () => {
    const limit = limiter({ requestsPerDay: 1 });
    await limit.acquire(0, '/a');
    const next = track([limit.acquire(0, '/a')]);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(next).toEqual([false]);
  });

  it('follows the server: remaining 0 holds calls, and capacity returns over the reset time', async () => {
    const limit = limiter({ autoAdjust: true });
    // 100 requests come back over 2 s (OpenAI: "time until the limit resets to its initial state"): one per 20 ms.
    await limit.observe({ limitRequests: 100, remainingRequests: 0, resetRequestsMs: 2_000 }, 'gpt-4o');
    const next = track([limit.acquire(0, '/a', undefined, 'gpt-4o')]);
    await vi.advanceTimersByTimeAsync(10);
    expect(next).toEqual([false]);
    await vi.advanceTimersByTimeAsync(15);
    expect(next).toEqual([true]);
  });

  it('follows a raised limit: after limit 3 the server reports 10,000 and calls flow again', async () => {
    const limit = limiter({ autoAdjust: true });
    await limit.observe({ limitRequests: 3, remainingRequests: 0, resetRequestsMs: 60_000 }, 'gpt-4o');
    expect(track([limit.acquire(0, '/a', undefined, 'gpt-4o')])).toEqual([false]);
    await limit.observe({ limitRequests: 10_000, remainingRequests: 9_990, resetRequestsMs: 6 }, 'gpt-4o');
    const after = track(Array.from({ length: 20 }, () => limit.acquire(0, '/a', undefined, 'gpt-4o')));
    await vi.advanceTimersByTimeAsync(0);
    expect(after.every(Boolean)).toBe(true);
  });

  it("keeps one model's limits to that model", async () => {
    const limit = limiter({ autoAdjust: true });
    await limit.observe({ limitRequests: 3, remainingRequests: 0, resetRequestsMs: 60_000 }, 'gpt-image-1');
    const other = track([limit.acquire(0, '/a', undefined, 'gpt-4o-mini'), limit.acquire(0, '/a')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(other).toEqual([true, true]);
  });

  it('ignores the server when autoAdjust is off', async () => {
    const limit = limiter({ autoAdjust: false, requestsPerMinute: 100 });
    await limit.observe({ limitRequests: 100, remainingRequests: 0, resetRequestsMs: 60_000 }, 'gpt-4o');
    const next = track([limit.acquire(0, '/a', undefined, 'gpt-4o')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(next).toEqual([true]);
  });
});

describe('token estimate', () => {
  it('counts message text at about 4 characters a token, plus the output budget times n', () => {
    const estimate = estimateTokens({ messages: [{ role: 'user', content: 'x'.repeat(400) }, { role: 'user', content: [{ type: 'text', text: 'y'.repeat(40) }] }], max_completion_tokens: 50, n: 2 });
    expect(estimate).toBe(100 + 4 + 10 + 4 + 100);
  });

  it('counts embeddings input, strings and token ids', () => {
    expect(estimateTokens({ input: ['a'.repeat(8), 'b'.repeat(8)] })).toBe(4);
    expect(estimateTokens({ input: [1, 2, 3] })).toBe(3);
  });
});

describe('the queue estimate', () => {
  it('drops the wait of calls that left the queue, so a new call that fits is not refused', async () => {
    const limit = new RateLimiter({ requestsPerMinute: 60, burst: 1 / 60, queueTimeoutMs: 3_500 }, systemClock);
    await limit.acquire(0, '/a');
    void limit.acquire(0, '/a'); // queued: ~1 s
    const leaving = new AbortController();
    const gone = [limit.acquire(0, '/a', leaving.signal), limit.acquire(0, '/a', leaving.signal)].map((pending) => pending.catch(() => 'left')); // ~2 s, ~3 s
    await vi.advanceTimersByTimeAsync(0);
    leaving.abort();
    expect(await Promise.all(gone)).toEqual(['left', 'left']);
    // Only the first queued call is ahead now: about 2 s, within the 3.5 s allowed (a stale
    // estimate would say 4 s and refuse it).
    const next = track([limit.acquire(0, '/a')]);
    await vi.advanceTimersByTimeAsync(2_100);
    expect(next).toEqual([true]);
  });

  it('keeps counting after a call that estimated NaN tokens', async () => {
    const limit = limiter({ tokensPerMinute: 100 });
    await limit.acquire(Number.NaN, '/a');
    await limit.acquire(100, '/a');
    const over = track([limit.acquire(100, '/a')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(over).toEqual([false]);
  });
});
