/** What a shared `RateLimitStore` (Redis, say) is asked: its bucket keys are a contract between processes. */
import { describe, expect, it } from 'vitest';
import { systemClock } from './clock.js';
import { InMemoryRateLimitStore, type BucketRequest } from './rate-limit-store.js';
import { RateLimiter } from './rate-limiter.js';

/** An in-memory store that records every call made to it. */
function recordingStore() {
  const inner = new InMemoryRateLimitStore();
  const calls: Array<{ method: string; keys: string[]; amount?: number }> = [];
  const store = {
    calls,
    tryConsume: (buckets: BucketRequest[], now: number) => {
      calls.push({ method: 'tryConsume', keys: buckets.map((bucket) => bucket.key) });
      return inner.tryConsume(buckets, now);
    },
    adjust: (bucket: Omit<BucketRequest, 'cost'>, amount: number, now: number) => {
      calls.push({ method: 'adjust', keys: [bucket.key], amount });
      return inner.adjust(bucket, amount, now);
    },
    observe: (bucket: Omit<BucketRequest, 'cost'>, remaining: number, resetMs: number | undefined, now: number) => {
      calls.push({ method: 'observe', keys: [bucket.key] });
      return inner.observe(bucket, remaining, resetMs, now);
    },
  };
  return store;
}

describe('the keys a rate-limit store sees', () => {
  it('names the configured buckets by kind and period', async () => {
    const store = recordingStore();
    const limiter = new RateLimiter({ requestsPerMinute: 100, requestsPerDay: 1_000, tokensPerMinute: 10_000, tokensPerDay: 100_000, store }, systemClock);
    await limiter.acquire(10, '/chat/completions');
    expect(store.calls).toEqual([{ method: 'tryConsume', keys: ['requests:minute', 'requests:day', 'tokens:minute', 'tokens:day'] }]);
  });

  it("names a model's learned buckets after the model, and updates them from the server's counts", async () => {
    const store = recordingStore();
    const limiter = new RateLimiter({ store }, systemClock);
    await limiter.observe({ limitRequests: 100, remainingRequests: 50, limitTokens: 1_000, remainingTokens: 500 }, 'gpt-4o');
    await limiter.acquire(10, '/chat/completions', undefined, 'gpt-4o');
    expect(store.calls).toEqual([
      { method: 'observe', keys: ['model:gpt-4o:requests:minute'] },
      { method: 'observe', keys: ['model:gpt-4o:tokens:minute'] },
      { method: 'tryConsume', keys: ['model:gpt-4o:requests:minute', 'model:gpt-4o:tokens:minute'] },
    ]);
  });

  it('corrects only the token buckets, by the difference between estimate and usage', async () => {
    const store = recordingStore();
    const limiter = new RateLimiter({ requestsPerMinute: 100, tokensPerMinute: 10_000, tokensPerDay: 100_000, store }, systemClock);
    const permit = await limiter.acquire(300, '/chat/completions');
    await permit.settle(120);
    expect(store.calls.slice(1)).toEqual([
      { method: 'adjust', keys: ['tokens:minute'], amount: 180 },
      { method: 'adjust', keys: ['tokens:day'], amount: 180 },
    ]);
  });

  it('asks the store nothing when no limit applies, or when usage equals the estimate', async () => {
    const store = recordingStore();
    await new RateLimiter({ store }, systemClock).acquire(10, '/chat/completions');
    const limited = new RateLimiter({ tokensPerMinute: 10_000, store }, systemClock);
    const permit = await limited.acquire(300, '/chat/completions');
    await permit.settle(300);
    expect(store.calls).toEqual([{ method: 'tryConsume', keys: ['tokens:minute'] }]);
  });

  it('asks nothing of the store for headers that carry no remaining count, or no limit', async () => {
    const store = recordingStore();
    const limiter = new RateLimiter({ store }, systemClock);
    await limiter.observe({ limitRequests: 100, limitTokens: 1_000 }, 'gpt-4o');
    await limiter.observe({ remainingRequests: 5, remainingTokens: 50 }, 'gpt-image-1');
    expect(store.calls).toEqual([]);
  });
});
