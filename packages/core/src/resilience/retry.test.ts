import { describe, expect, it } from 'vitest';
import { RateLimitError, ServerError } from '../errors/errors.js';
import { computeRetryDelay, DEFAULT_RETRY, rateLimitResetWait } from './retry.js';
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

describe('retry budget', () => {
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
