/**
 * Where rate-limiter state lives. The interface is async and atomic per call, so a shared
 * store (Redis with a Lua script, say) can give several processes one budget. The in-memory
 * store below is the default.
 */

/** One token bucket to draw from: full at `capacity`, refilling `refillPerMs` per millisecond. */
export interface BucketRequest {
  key: string;
  capacity: number;
  refillPerMs: number;
  cost: number;
}

/** The answer to a draw: granted, or how long until it could be. */
export type ConsumeResult = { granted: true } | { granted: false; waitMs: number };

/** Atomic bucket operations. */
export interface RateLimitStore {
  /** Takes every cost if every bucket has enough, else takes nothing and says how long to wait. */
  tryConsume(buckets: BucketRequest[], now: number): Promise<ConsumeResult>;
  /** Adds `amount` back (negative: charges more), e.g. after actual usage is known. */
  adjust(bucket: Omit<BucketRequest, 'cost'>, amount: number, now: number): Promise<void>;
  /** Lowers a bucket to what the server reports remaining, refilling to full by `resetMs`. */
  observe(bucket: Omit<BucketRequest, 'cost'>, remaining: number, resetMs: number | undefined, now: number): Promise<void>;
}

/** Refill arithmetic in floating point must not leave a bucket at 0.9999… of a token. */
const EPSILON = 1e-6;

interface BucketState {
  tokens: number;
  updatedAt: number;
  /** Until this time, refill at this rate instead of the bucket's (set by `observe`). */
  overrideUntil: number;
  overrideRate: number;
}

/**
 * Token buckets in this process's memory.
 *
 * @example
 * createOpenAICore({ rateLimit: { requestsPerMinute: 500, store: new InMemoryRateLimitStore() } });
 */
export class InMemoryRateLimitStore implements RateLimitStore {
  readonly #buckets = new Map<string, BucketState>();

  #refilled(bucket: Omit<BucketRequest, 'cost'>, now: number): BucketState {
    const state = this.#buckets.get(bucket.key) ?? { tokens: bucket.capacity, updatedAt: now, overrideUntil: 0, overrideRate: 0 };
    const elapsed = Math.max(0, now - state.updatedAt);
    const overridden = Math.max(0, Math.min(now, state.overrideUntil) - state.updatedAt);
    const refill = overridden * state.overrideRate + (elapsed - overridden) * bucket.refillPerMs;
    state.tokens = Math.min(bucket.capacity, state.tokens + refill);
    state.updatedAt = now;
    this.#buckets.set(bucket.key, state);
    return state;
  }

  async tryConsume(buckets: BucketRequest[], now: number): Promise<ConsumeResult> {
    let waitMs = 0;
    const states = buckets.map((bucket) => {
      const state = this.#refilled(bucket, now);
      if (state.tokens + EPSILON < bucket.cost) {
        const rate = state.overrideUntil > now ? state.overrideRate : bucket.refillPerMs;
        waitMs = Math.max(waitMs, rate > 0 ? Math.ceil((bucket.cost - state.tokens) / rate) : Number.POSITIVE_INFINITY);
      }
      return state;
    });
    if (waitMs > 0) return { granted: false, waitMs };
    buckets.forEach((bucket, index) => (states[index]!.tokens = Math.max(0, states[index]!.tokens - bucket.cost)));
    return { granted: true };
  }

  async adjust(bucket: Omit<BucketRequest, 'cost'>, amount: number, now: number): Promise<void> {
    const state = this.#refilled(bucket, now);
    state.tokens = Math.min(bucket.capacity, state.tokens + amount);
  }

  async observe(bucket: Omit<BucketRequest, 'cost'>, remaining: number, resetMs: number | undefined, now: number): Promise<void> {
    const state = this.#refilled(bucket, now);
    // The server's count is the truth, up or down (its limit may have been raised).
    state.tokens = Math.min(bucket.capacity, remaining);
    if (resetMs !== undefined && resetMs > 0) {
      state.overrideUntil = now + resetMs;
      state.overrideRate = (bucket.capacity - remaining) / resetMs;
    }
  }
}
