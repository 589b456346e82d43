/** What the rate limiter learns from the server's `x-ratelimit-*` figures, and what it keeps apart. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock.js';
import { RateLimiter, type RateLimitOptions } from './rate-limiter.js';

beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => vi.useRealTimers());

/** How many of `count` calls of `tokens` for `model` are granted at once. */
async function grantedAtOnce(limiter: RateLimiter, count: number, tokens = 0, model: string | null = 'gpt-4o') {
  let granted = 0;
  for (let call = 0; call < count; call++) void limiter.acquire(tokens, '/a', undefined, model ?? undefined).then(() => granted++, () => undefined);
  await vi.advanceTimersByTimeAsync(0);
  return granted;
}

const limiter = (options: RateLimitOptions = {}) => new RateLimiter({ queueTimeoutMs: 600_000, ...options }, systemClock);

describe('learning from the server', () => {
  it('follows the server by default', async () => {
    const limit = limiter();
    await limit.observe({ limitRequests: 10, remainingRequests: 0, resetRequestsMs: 60_000 }, 'gpt-4o');
    expect(await grantedAtOnce(limit, 1)).toBe(0);
  });

  it("lets out all the requests the server says remain, not a burst's worth", async () => {
    const limit = limiter();
    await limit.observe({ limitRequests: 60, remainingRequests: 60, resetRequestsMs: 60_000 }, 'gpt-4o');
    expect(await grantedAtOnce(limit, 61)).toBe(60);
  });

  it("lets out all the tokens the server says remain, not a burst's worth", async () => {
    const limit = limiter();
    await limit.observe({ limitTokens: 600, remainingTokens: 600, resetTokensMs: 60_000 }, 'gpt-4o');
    expect(await grantedAtOnce(limit, 7, 100)).toBe(6);
  });

  it('holds calls that need tokens when the server says none remain, but not calls that need none', async () => {
    const limit = limiter();
    await limit.observe({ limitRequests: 100, remainingRequests: 100, limitTokens: 1_000, remainingTokens: 0, resetTokensMs: 60_000 }, 'gpt-4o');
    expect(await grantedAtOnce(limit, 1, 0)).toBe(1);
    expect(await grantedAtOnce(limit, 1, 10)).toBe(0);
  });

  it('keeps a learned token limit when later headers leave it out', async () => {
    const limit = limiter();
    await limit.observe({ limitTokens: 1_000, remainingTokens: 1_000 }, 'gpt-4o');
    await limit.observe({ remainingTokens: 0, resetTokensMs: 60_000 }, 'gpt-4o');
    expect(await grantedAtOnce(limit, 1, 10)).toBe(0);
  });

  it('learns a token limit reported for the first time', async () => {
    const limit = limiter();
    await limit.observe({ limitRequests: 100, remainingRequests: 100 }, 'gpt-4o');
    await limit.observe({ limitTokens: 1_000, remainingTokens: 0, resetTokensMs: 60_000 }, 'gpt-4o');
    expect(await grantedAtOnce(limit, 1, 10)).toBe(0);
  });

  it('keeps the last remaining count when later headers carry none', async () => {
    const limit = limiter();
    await limit.observe({ limitRequests: 1, remainingRequests: 0, resetRequestsMs: 60_000 }, 'gpt-4o');
    await limit.observe({ limitRequests: 1 }, 'gpt-4o');
    expect(await grantedAtOnce(limit, 1)).toBe(0);
  });

  it("applies a model's exhausted limit to that model only, leaving the client-wide budget alone", async () => {
    const limit = limiter({ requestsPerMinute: 1_000, burst: 1 });
    await limit.observe({ limitRequests: 10, remainingRequests: 0, resetRequestsMs: 60_000 }, 'gpt-4o');
    expect(await grantedAtOnce(limit, 1, 0, 'gpt-4o-mini')).toBe(1);
    expect(await grantedAtOnce(limit, 1, 0, null)).toBe(1);
    expect(await grantedAtOnce(limit, 1, 0, 'gpt-4o')).toBe(0);
  });
});

describe('configured limits', () => {
  it('lets a whole per-day budget out at once: days are not smoothed', async () => {
    expect(await grantedAtOnce(limiter({ requestsPerDay: 12 }), 13)).toBe(12);
  });

  it('enforces no limit configured as zero', async () => {
    expect(await grantedAtOnce(limiter({ requestsPerMinute: 0, tokensPerDay: 0 }), 50, 10)).toBe(50);
  });
});
