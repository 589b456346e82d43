import { describe, expect, it } from 'vitest';
import { InMemoryRateLimitStore } from './rate-limit-store.js';

/** Ten tokens, refilling one per second. */
const BUCKET = { key: 'requests', capacity: 10, refillPerMs: 0.001 };

describe('in-memory rate-limit store', () => {
  it('refills at the server-reported pace until its reset, then at its own', async () => {
    const store = new InMemoryRateLimitStore();
    await store.observe(BUCKET, 2, 1_000, 0);
    // 8 tokens to regain over 1 s: 0.008 per ms, so 6 tokens at 500 ms.
    expect(await store.tryConsume([{ ...BUCKET, cost: 7 }], 500)).toEqual({ granted: false, waitMs: 125 });
    expect(await store.tryConsume([{ ...BUCKET, cost: 6 }], 500)).toEqual({ granted: true });
  });

  it('uses its own refill rate from the moment the server reset is reached', async () => {
    const store = new InMemoryRateLimitStore();
    await store.observe(BUCKET, 0, 1_000, 0);
    expect(await store.tryConsume([{ ...BUCKET, cost: 10 }], 1_000)).toEqual({ granted: true });
    expect(await store.tryConsume([{ ...BUCKET, cost: 1 }], 1_000)).toEqual({ granted: false, waitMs: 1_000 });
  });

  it('takes the server count as it is when no reset time came with it', async () => {
    const store = new InMemoryRateLimitStore();
    await store.observe(BUCKET, 0, undefined, 0);
    expect(await store.tryConsume([{ ...BUCKET, cost: 1 }], 0)).toEqual({ granted: false, waitMs: 1_000 });
  });

  it('takes the server count as it is when the reset is zero', async () => {
    const store = new InMemoryRateLimitStore();
    await store.observe(BUCKET, 0, 0, 0);
    expect(await store.tryConsume([{ ...BUCKET, cost: 1 }], 0)).toEqual({ granted: false, waitMs: 1_000 });
  });

  it('grants a token that floating-point refill leaves a hair short', async () => {
    const store = new InMemoryRateLimitStore();
    const one = { key: 'one', capacity: 1, refillPerMs: 0.001 };
    await store.tryConsume([{ ...one, cost: 1 }], 0);
    expect(await store.tryConsume([{ ...one, cost: 1 }], 999.9995)).toEqual({ granted: true });
  });

  it('keeps granting from a bucket that never refills while it has tokens', async () => {
    const store = new InMemoryRateLimitStore();
    const fixed = { key: 'fixed', capacity: 2, refillPerMs: 0 };
    expect(await store.tryConsume([{ ...fixed, cost: 1 }], 0)).toEqual({ granted: true });
    expect(await store.tryConsume([{ ...fixed, cost: 1 }], 0)).toEqual({ granted: true });
    expect(await store.tryConsume([{ ...fixed, cost: 1 }], 0)).toEqual({ granted: false, waitMs: Number.POSITIVE_INFINITY });
  });

  it('never refunds a bucket past its capacity', async () => {
    const store = new InMemoryRateLimitStore();
    await store.adjust(BUCKET, 5, 0);
    expect(await store.tryConsume([{ ...BUCKET, cost: 11 }], 0)).toMatchObject({ granted: false });
  });

  it('charges a bucket more when actual usage was higher', async () => {
    const store = new InMemoryRateLimitStore();
    await store.adjust(BUCKET, -3, 0);
    expect(await store.tryConsume([{ ...BUCKET, cost: 8 }], 0)).toEqual({ granted: false, waitMs: 1_000 });
  });
});
