/**
 * The client-side rate limiter: requests and tokens per minute and per day, as token buckets
 * in a `RateLimitStore`. A call that does not fit waits in a FIFO queue (bounded by
 * `maxQueueSize` and `queueTimeoutMs`, and by the caller's signal), or is refused at once.
 * `autoAdjust` follows the server's `x-ratelimit-*` headers.
 */
import { abortError } from '../transport/abort.js';
import type { Clock } from './clock.js';
// Through the package entry, not the files: an app bundler then puts every piece of core this
// chunk shares with the first load in one chunk, instead of one small chunk per set of lazy
// modules that use it (see import-bundle.mjs). The store and the estimate are public exports,
// so they are in the first load anyway; only this limiter loads later.
import { estimateTokens, InMemoryRateLimitStore, RateLimitError } from '../index.js';
import type { RateLimitInfo } from '../transport/response-meta.js';
import type { BucketRequest, RateLimitStore } from './rate-limit-store.js';

// Handed to the policy with the limiter: one lazy import instead of two.
export { estimateTokens };

/** Limiter settings. Limits left out are not enforced (until `autoAdjust` learns them). */
export interface RateLimitOptions {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  requestsPerDay?: number;
  tokensPerDay?: number;
  /** Calls that may wait for capacity; beyond that they are refused. 0 refuses at once. Default 1000. */
  maxQueueSize?: number;
  /**
   * Longest wait in the queue. A call whose wait would be longer fails at once with a
   * `RateLimitError` of kind `queue_timeout` carrying the wait it needed (`retryAfterMs`).
   * Default 60 s.
   */
  queueTimeoutMs?: number;
  /**
   * How much of a per-minute budget may go out at once. The API enforces per-minute limits over
   * shorter windows (a minute's requests sent in one second are refused), so the buckets hold
   * `burst` of a minute's budget and refill at the per-minute rate. A fraction of a minute:
   * `1` lets a whole minute's budget out at once. Default `1/6` (10 seconds' worth, at least
   * one request).
   */
  burst?: number;
  /** Follow `x-ratelimit-limit/remaining/reset-*` from responses. Default true. */
  autoAdjust?: boolean;
  /** Where bucket state lives. Default: in this process's memory. */
  store?: RateLimitStore;
}

/** Told when a call waits for, or is refused, capacity. */
export interface RateLimitHook {
  onWait?(event: { endpoint: string; waitMs: number; queued: number }): void;
  onRejected?(event: { endpoint: string; reason: 'queue_full' | 'queue_timeout' | 'too_large' }): void;
}

/** A granted slot; `settle` corrects the token estimate once actual usage is known. */
export interface RateLimitPermit {
  settle(actualTokens: number | undefined): Promise<void>;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Ten seconds' worth of a per-minute budget may go out at once, by default. */
export const DEFAULT_BURST = 1 / 6;

interface Limits {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  requestsPerDay?: number;
  tokensPerDay?: number;
}

interface Waiter {
  tokens: number;
  model: string | undefined;
  endpoint: string;
  resolve(): void;
  reject(error: Error): void;
}

/** The limiter of one client. */
export class RateLimiter {
  readonly #limits: Limits;
  readonly #store: RateLimitStore;
  readonly #clock: Clock;
  readonly #maxQueueSize: number;
  readonly #queueTimeoutMs: number;
  readonly #autoAdjust: boolean;
  readonly #burst: number;
  /** When the last queued call is expected to be served: each new call waits behind it. */
  #queueReadyAt = 0;
  readonly #hook: RateLimitHook | undefined;
  readonly #queue: Waiter[] = [];
  /** Per-minute limits the server reported, per model: the API limits each model separately. */
  readonly #learned = new Map<string, { requestsPerMinute?: number; tokensPerMinute?: number }>();
  #pumping = false;
  /** Ends the pump's current wait early (the queue head left). */
  #wakePump: (() => void) | undefined;

  constructor(options: RateLimitOptions, clock: Clock, hook?: RateLimitHook) {
    this.#limits = { ...options };
    this.#store = options.store ?? new InMemoryRateLimitStore();
    this.#clock = clock;
    this.#maxQueueSize = options.maxQueueSize ?? 1_000;
    this.#queueTimeoutMs = options.queueTimeoutMs ?? 60_000;
    this.#autoAdjust = options.autoAdjust ?? true;
    this.#burst = options.burst ?? DEFAULT_BURST;
    this.#hook = hook;
  }

  /**
   * The buckets a call of `model` draws from: the configured limits (client-wide), and the
   * limits the server reported for that model (`autoAdjust`), each under its own key.
   */
  #buckets(tokens: number, model: string | undefined): BucketRequest[] {
    const buckets: BucketRequest[] = [];
    const add = (key: string, limit: number | undefined, periodMs: number, cost: number, smooth = true) => {
      if (limit === undefined || limit <= 0) return;
      // Configured per-minute buckets hold a burst's worth; per-day ones the whole day (the API
      // smooths minutes, not days), and learned ones follow the server's own remaining/reset.
      const capacity = smooth && periodMs === MINUTE ? Math.min(limit, Math.max(1, limit * this.#burst)) : limit;
      // A NaN cost would turn the bucket's count into NaN, and every later call would pass.
      const safeCost = Number.isFinite(cost) && cost > 0 ? cost : 0;
      buckets.push({ key, capacity, refillPerMs: limit / periodMs, cost: Math.min(safeCost, capacity) });
    };
    const limits = this.#limits;
    add('requests:minute', limits.requestsPerMinute, MINUTE, 1);
    add('requests:day', limits.requestsPerDay, DAY, 1);
    add('tokens:minute', limits.tokensPerMinute, MINUTE, tokens);
    add('tokens:day', limits.tokensPerDay, DAY, tokens);
    const learned = model === undefined ? undefined : this.#learned.get(model);
    if (learned) {
      add(`model:${model}:requests:minute`, learned.requestsPerMinute, MINUTE, 1, false);
      add(`model:${model}:tokens:minute`, learned.tokensPerMinute, MINUTE, tokens, false);
    }
    return buckets;
  }

  /**
   * Waits for room for one request of about `tokens` tokens. Rejects with `RateLimitError`
   * (queue full), a `timeout` (queue wait too long) or `aborted` (the signal).
   */
  async acquire(tokens: number, endpoint: string, signal?: AbortSignal, model?: string): Promise<RateLimitPermit> {
    if (signal?.aborted) throw abortError(signal);
    const tokenLimit = this.#limits.tokensPerMinute;
    if (tokenLimit !== undefined && tokens > tokenLimit) {
      this.#hook?.onRejected?.({ endpoint, reason: 'too_large' });
      throw new RateLimitError({ kind: 'request_too_large', message: `This request needs about ${tokens} tokens, more than tokensPerMinute (${tokenLimit}) allows at once.` });
    }
    const buckets = this.#buckets(tokens, model);
    if (buckets.length > 0) {
      const first = this.#queue.length === 0 ? await this.#store.tryConsume(buckets, this.#clock.now()) : undefined;
      if (first?.granted) return this.#permit(tokens, model);
      await this.#enqueue(tokens, model, endpoint, this.#expectedWait(buckets, first?.waitMs), this.#refillMs(buckets), signal);
    }
    return this.#permit(tokens, model);
  }

  /**
   * This call's own wait: until the calls queued ahead of it are served (`#queueReadyAt`), plus
   * the time its buckets take to refill its cost, or the store's answer when the queue is empty.
   */
  #expectedWait(buckets: BucketRequest[], storeWaitMs: number | undefined): number {
    const now = this.#clock.now();
    const ownRefill = this.#refillMs(buckets);
    const readyAt = this.#queue.length === 0 ? now + (storeWaitMs ?? ownRefill) : Math.max(now, this.#queueReadyAt) + ownRefill;
    return readyAt - now;
  }

  /** How long the buckets take to refill one call's cost. */
  #refillMs(buckets: BucketRequest[]): number {
    return Math.max(0, ...buckets.map((bucket) => Math.ceil(bucket.cost / bucket.refillPerMs)));
  }

  #permit(estimated: number, model: string | undefined): RateLimitPermit {
    return {
      settle: async (actual) => {
        if (actual === undefined || !Number.isFinite(actual) || actual === estimated) return;
        const now = this.#clock.now();
        for (const bucket of this.#buckets(0, model).filter((each) => each.key.includes('tokens:'))) {
          await this.#store.adjust(bucket, estimated - actual, now);
        }
        // Tokens came back: the queue head may fit now.
        if (actual < estimated) this.#wakePump?.();
      },
    };
  }

  #enqueue(tokens: number, model: string | undefined, endpoint: string, waitMs: number, refillMs: number, signal?: AbortSignal): Promise<void> {
    // The signal may have fired while the fast path awaited the store.
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.#queue.length >= this.#maxQueueSize) {
      this.#hook?.onRejected?.({ endpoint, reason: 'queue_full' });
      return Promise.reject(new RateLimitError({
        kind: 'queue_full',
        message: `Client-side rate limit reached and the wait queue is full (${this.#maxQueueSize} calls).`,
      }));
    }
    const queueTimeout = (needed: number) => {
      this.#hook?.onRejected?.({ endpoint, reason: 'queue_timeout' });
      return new RateLimitError({
        kind: 'queue_timeout',
        retryAfterMs: needed,
        message: `Client-side rate limit: this call would wait about ${needed} ms for capacity, longer than rateLimit.queueTimeoutMs (${this.#queueTimeoutMs} ms).`,
      });
    };
    // A wait already known to be too long fails now, not after sitting out the timeout.
    if (waitMs > this.#queueTimeoutMs) return Promise.reject(queueTimeout(waitMs));
    this.#queueReadyAt = this.#clock.now() + waitMs;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => settle(queueTimeout(waitMs)), this.#queueTimeoutMs);
      const onAbort = () => settle(abortError(signal));
      const waiter: Waiter = { tokens, model, endpoint, resolve: () => settle(), reject: (error) => settle(error) };
      const settle = (error?: Error) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const index = this.#queue.indexOf(waiter);
        if (index !== -1) this.#queue.splice(index, 1);
        // A call that leaves unserved (abort, timeout) no longer stands ahead of later ones.
        if (error && index !== -1) this.#queueReadyAt -= refillMs;
        if (this.#queue.length === 0) this.#queueReadyAt = 0;
        if (index === 0) this.#wakePump?.();
        if (error) reject(error);
        else resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      this.#hook?.onWait?.({ endpoint, waitMs, queued: this.#queue.length });
      void this.#pump();
    });
  }

  /** Serves the queue head by head; one pump at a time keeps the order FIFO. */
  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#queue.length > 0) {
        const head = this.#queue[0]!;
        const result = await this.#store.tryConsume(this.#buckets(head.tokens, head.model), this.#clock.now());
        if (result.granted) {
          head.resolve();
          continue;
        }
        // Sleep until the head fits, unless it leaves first (abort, timeout): then serve the next.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, Math.min(result.waitMs, this.#queueTimeoutMs));
          function done() {
            clearTimeout(timer);
            resolve();
          }
          this.#wakePump = done;
        });
        this.#wakePump = undefined;
      }
    } catch (error) {
      for (const waiter of [...this.#queue]) waiter.reject(error as Error);
    } finally {
      this.#pumping = false;
    }
  }

  /**
   * Follows the server's view of the limits (`autoAdjust`) for `model`: the latest
   * `x-ratelimit-limit-*` figures, up or down, and the remaining counts they report.
   */
  async observe(info: RateLimitInfo, model?: string): Promise<void> {
    if (!this.#autoAdjust || model === undefined) return;
    const previous = this.#learned.get(model) ?? {};
    const learned = {
      requestsPerMinute: info.limitRequests ?? previous.requestsPerMinute,
      tokensPerMinute: info.limitTokens ?? previous.tokensPerMinute,
    };
    this.#learned.set(model, learned);
    const now = this.#clock.now();
    const buckets = this.#buckets(0, model);
    const requests = buckets.find((bucket) => bucket.key === `model:${model}:requests:minute`);
    const tokens = buckets.find((bucket) => bucket.key === `model:${model}:tokens:minute`);
    if (requests && info.remainingRequests !== undefined) await this.#store.observe(requests, info.remainingRequests, info.resetRequestsMs, now);
    if (tokens && info.remainingTokens !== undefined) await this.#store.observe(tokens, info.remainingTokens, info.resetTokensMs, now);
  }

}
