/**
 * When to retry and how long to wait (DESIGN §5): `x-should-retry` first (already folded into
 * `error.retryable`), then `retry-after-ms`, `retry-after`, and on a 429 `x-ratelimit-reset-*`;
 * otherwise exponential backoff with jitter. Every wait is capped at `maxBackoffMs`.
 */
import { parseDuration } from './duration.js';
import type { OpenAIError } from '../errors/errors.js';

/** Backoff settings; all have defaults. */
export interface RetryOptions {
  /** First backoff. Default 500 ms. */
  initialBackoffMs?: number;
  /** Growth per attempt. Default 2. */
  multiplier?: number;
  /** Random spread, as a fraction of the delay (0.1 = ±10%). Default 0.1. */
  jitter?: number;
  /** Cap on our own backoff. Default 60 s. */
  maxBackoffMs?: number;
  /**
   * Longest server hint (`retry-after`, `x-ratelimit-reset-*`) the call will sleep through.
   * A longer hint is not slept: the call fails at once with a `RateLimitError` (or the
   * server's error) carrying the full `retryAfterMs`, so the caller can reschedule. Default 60 s.
   */
  maxRetryAfter?: number;
}

/** The defaults of DESIGN §5. */
export const DEFAULT_RETRY: Required<RetryOptions> = { initialBackoffMs: 500, multiplier: 2, jitter: 0.1, maxBackoffMs: 60_000, maxRetryAfter: 60_000 };

/**
 * The wait a 429 asks for through `x-ratelimit-reset-requests/-tokens`: the reset of whichever
 * limit is exhausted (remaining 0), or the longest reset when none says so.
 */
export function rateLimitResetWait(headers: Record<string, string> | undefined): number | undefined {
  if (!headers) return undefined;
  const limits = ['requests', 'tokens'].map((name) => ({
    reset: parseDuration(headers[`x-ratelimit-reset-${name}`]),
    exhausted: headers[`x-ratelimit-remaining-${name}`] === '0',
  })).filter((limit) => limit.reset !== undefined);
  if (limits.length === 0) return undefined;
  const exhausted = limits.filter((limit) => limit.exhausted);
  return Math.max(...(exhausted.length > 0 ? exhausted : limits).map((limit) => limit.reset!));
}

/** The server's own wait hint for this error, if any. */
export function serverRetryHint(error: OpenAIError): number | undefined {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  return error.status === 429 ? rateLimitResetWait(error.headers) : undefined;
}

/**
 * How long to wait before retry number `retryNumber` (1 for the first retry).
 *
 * @example
 * computeRetryDelay(error, 1, DEFAULT_RETRY); // ~500 ms, or what the server asked for
 */
export function computeRetryDelay(error: OpenAIError, retryNumber: number, options: Required<RetryOptions>, random = Math.random): number {
  const hint = serverRetryHint(error);
  // A hint is honoured exactly; one beyond `maxRetryAfter` never gets here (the call fails).
  if (hint !== undefined) return Math.max(0, hint);
  const base = options.initialBackoffMs * options.multiplier ** (retryNumber - 1);
  const spread = base * options.jitter * (random() * 2 - 1);
  return Math.min(Math.max(0, base + spread), options.maxBackoffMs);
}
