/** Settling a rate-limit permit: the token estimate is corrected by exactly what the call used. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock.js';
import { RateLimiter } from './rate-limiter.js';

beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => vi.useRealTimers());

/** A hundred tokens a minute, all available at once. */
const limiter = () => new RateLimiter({ tokensPerMinute: 100, burst: 1, queueTimeoutMs: 600_000 }, systemClock);

/** Whether a call of `tokens` is granted without waiting. */
async function fitsNow(limit: RateLimiter, tokens: number) {
  let granted = false;
  void limit.acquire(tokens, '/a').then(() => (granted = true), () => undefined);
  await vi.advanceTimersByTimeAsync(0);
  return granted;
}

/** A limiter after one call estimated at `estimate` tokens settled with `usage`. */
async function afterSettling(estimate: number, usage: number | undefined) {
  const limit = limiter();
  await (await limit.acquire(estimate, '/a')).settle(usage);
  return limit;
}

describe('settling a permit', () => {
  it('gives back exactly the tokens the call did not use', async () => {
    // 20 left after the estimate of 80, plus the 70 unused: 90.
    expect(await fitsNow(await afterSettling(80, 10), 95)).toBe(false);
    expect(await fitsNow(await afterSettling(80, 10), 90)).toBe(true);
  });

  it('charges the extra tokens of a call that used more than its estimate', async () => {
    // 80 left after the estimate of 20, less the 30 extra: 50.
    expect(await fitsNow(await afterSettling(20, 50), 60)).toBe(false);
    expect(await fitsNow(await afterSettling(20, 50), 50)).toBe(true);
  });

  it('keeps the estimate when the usage is unknown or not a number', async () => {
    for (const usage of [undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(await fitsNow(await afterSettling(80, usage), 30)).toBe(false);
      expect(await fitsNow(await afterSettling(80, usage), 20)).toBe(true);
    }
  });

  it('settles with nobody waiting', async () => {
    const permit = await limiter().acquire(80, '/a');
    await expect(permit.settle(10)).resolves.toBeUndefined();
  });
});
