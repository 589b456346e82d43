import { describe, expect, it } from 'vitest';
import { RateLimitError, ServerError } from '../errors/errors.js';
import { computeRetryDelay, DEFAULT_RETRY, rateLimitResetWait, serverRetryHint } from './retry.js';
import { RetryBudget } from './retry-budget.js';

const busy = (details: Partial<ConstructorParameters<typeof ServerError>[0]> = {}) =>
  new ServerError({ kind: 'service_unavailable', message: 'busy', retryable: true, status: 503, ...details });

describe('retry delays', () => {
  it('grows exponentially from 500 ms with ±10% jitter', () => {
    for (const [retry, base] of [[1, 500], [2, 1_000], [3, 2_000], [4, 4_000]] as const) {
      expect(computeRetryDelay(busy(), retry, DEFAULT_RETRY, () => 0)).toBeCloseTo(base * 0.9);
      expect(computeRetryDelay(busy(), retry, DEFAULT_RETRY, () => 0.5)).toBeCloseTo(base);
      expect(computeRetryDelay(busy(), retry, DEFAULT_RETRY, () => 0.9999)).toBeCloseTo(base * 1.1, 0);
    }
  });

  it('caps its own backoff at maxBackoffMs', () => {
    expect(computeRetryDelay(busy(), 20, DEFAULT_RETRY, () => 0.5)).toBe(60_000);
  });

  it('reports a server hint as given: the policy, not the delay, refuses one past maxRetryAfter', () => {
    expect(computeRetryDelay(busy({ retryAfterMs: 90_000 }), 1, DEFAULT_RETRY)).toBe(90_000);
  });

  it('uses the server hint exactly when there is one', () => {
    expect(computeRetryDelay(busy({ retryAfterMs: 1_234 }), 1, DEFAULT_RETRY, () => 0)).toBe(1_234);
  });

  it('falls back to x-ratelimit-reset-* on a 429, choosing the exhausted limit', () => {
    const headers = { 'x-ratelimit-remaining-requests': '10', 'x-ratelimit-reset-requests': '50ms', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '1.5s' };
    const error = new RateLimitError({ kind: 'too_many_requests', message: 'slow', retryable: true, status: 429, headers });
    expect(computeRetryDelay(error, 1, DEFAULT_RETRY)).toBe(1_500);
    expect(rateLimitResetWait({ 'x-ratelimit-reset-requests': '6m0s', 'x-ratelimit-reset-tokens': '20ms' })).toBe(360_000);
  });

  it('ignores x-ratelimit-reset-* on errors other than 429', () => {
    const error = busy({ headers: { 'x-ratelimit-reset-requests': '30s' } });
    expect(computeRetryDelay(error, 1, DEFAULT_RETRY, () => 0.5)).toBe(500);
  });
});

const tooMany = (headers: Record<string, string>, details: Partial<ConstructorParameters<typeof RateLimitError>[0]> = {}) =>
  new RateLimitError({ kind: 'too_many_requests', message: 'slow', retryable: true, status: 429, headers, ...details });

describe('server wait hints', () => {
  it('retries at once when the server asks for a zero wait', () => {
    expect(computeRetryDelay(busy({ retryAfterMs: 0 }), 3, DEFAULT_RETRY, () => 0.5)).toBe(0);
  });

  it('never waits a negative time, even when a hint lies in the past', () => {
    expect(computeRetryDelay(busy({ retryAfterMs: -2_000 }), 1, DEFAULT_RETRY)).toBe(0);
  });

  it('prefers retry-after over the x-ratelimit-reset-* headers on a 429', () => {
    const error = tooMany({ 'x-ratelimit-reset-requests': '30s' }, { retryAfterMs: 2_000 });
    expect(serverRetryHint(error)).toBe(2_000);
  });

  it('has no hint for a 429 without headers, so the backoff applies', () => {
    expect(serverRetryHint(tooMany({}, { headers: undefined }))).toBeUndefined();
    expect(computeRetryDelay(tooMany({}), 2, DEFAULT_RETRY, () => 0.5)).toBe(1_000);
  });
});

describe('x-ratelimit-reset-* waits', () => {
  it('has no wait without headers or without any reset header', () => {
    expect(rateLimitResetWait(undefined)).toBeUndefined();
    expect(rateLimitResetWait({ 'x-ratelimit-remaining-requests': '0' })).toBeUndefined();
    expect(rateLimitResetWait({ 'x-ratelimit-reset-requests': 'soon' })).toBeUndefined();
  });

  it('waits for the requests limit when only it is exhausted', () => {
    expect(rateLimitResetWait({
      'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '2s',
      'x-ratelimit-remaining-tokens': '900', 'x-ratelimit-reset-tokens': '40s',
    })).toBe(2_000);
  });

  it('uses the one reset it has when the exhausted limit gives no reset', () => {
    expect(rateLimitResetWait({ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-tokens': '3s' })).toBe(3_000);
  });

  it('waits for the later reset when both limits are exhausted', () => {
    expect(rateLimitResetWait({
      'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '20s',
      'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '5s',
    })).toBe(20_000);
  });

  it('does not count a limit with some requests left as exhausted', () => {
    expect(rateLimitResetWait({
      'x-ratelimit-remaining-requests': '1', 'x-ratelimit-reset-requests': '20s',
      'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '5s',
    })).toBe(5_000);
  });
});

describe('backoff edges', () => {
  it('never waits a negative time when the jitter is wider than the delay', () => {
    expect(computeRetryDelay(busy(), 1, { ...DEFAULT_RETRY, jitter: 1.5 }, () => 0)).toBe(0);
  });

  it('follows a custom first backoff and growth', () => {
    const options = { ...DEFAULT_RETRY, initialBackoffMs: 100, multiplier: 3, jitter: 0 };
    expect([1, 2, 3].map((retry) => computeRetryDelay(busy(), retry, options))).toEqual([100, 300, 900]);
  });
});

describe('retry budget', () => {
  it('allows 20 retries in a burst by default', () => {
    const budget = new RetryBudget();
    expect(budget.tokens).toBe(20);
    const spent = Array.from({ length: 21 }, () => budget.trySpend());
    expect(spent.filter(Boolean)).toHaveLength(20);
    expect(spent[20]).toBe(false);
  });

  it('earns one retry back per five successes by default', () => {
    const budget = new RetryBudget({ maxTokens: 1 });
    budget.trySpend();
    for (let index = 0; index < 4; index++) budget.refund();
    expect(budget.trySpend()).toBe(false);
    budget.refund();
    expect(budget.trySpend()).toBe(true);
  });

  it('counts down one token per retry', () => {
    const budget = new RetryBudget({ maxTokens: 5 });
    budget.trySpend();
    budget.trySpend();
    expect(budget.tokens).toBe(3);
  });

  it('allows a burst of retries, then none until successes refund it', () => {
    const budget = new RetryBudget({ maxTokens: 3, refundPerSuccess: 0.5 });
    expect([budget.trySpend(), budget.trySpend(), budget.trySpend(), budget.trySpend()]).toEqual([true, true, true, false]);
    budget.refund();
    expect(budget.trySpend()).toBe(false);
    budget.refund();
    expect(budget.trySpend()).toBe(true);
  });

  it('never refunds past its size', () => {
    const budget = new RetryBudget({ maxTokens: 2 });
    for (let index = 0; index < 100; index++) budget.refund();
    expect(budget.tokens).toBe(2);
  });
});
