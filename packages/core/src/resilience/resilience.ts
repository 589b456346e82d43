/**
 * The default resilience policy: for each attempt, the circuit breaker admits it, the rate
 * limiter makes room for it, and on a retryable failure the retry budget pays for another try
 * after a backoff that the caller's signal can cut short.
 */
import { callHook } from '../observability/call-hook.js';
import { CircuitBreaker, countsAsOutage, type CircuitBreakerHook, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker.js';
import type { Clock } from './clock.js';
import { definedOnly } from '../config/defined-only.js';
import { OpenAIError } from '../errors/errors.js';
import { METRICS, type MetricsHook } from '../observability/hooks.js';
import type { ClientLogger } from '../observability/logger.js';
import type { RateLimiter, RateLimitHook, RateLimitOptions, RateLimitPermit } from './rate-limiter.js';
import type { AttemptOutcome, CallContext, ResiliencePolicy } from './resilience-policy.js';
import { parseRateLimitHeaders } from '../transport/response-meta.js';
import { computeRetryDelay, DEFAULT_RETRY, serverRetryHint, type RetryOptions } from './retry.js';
import { RetryBudget, type RetryBudgetOptions } from './retry-budget.js';
import type { estimateTokens } from './rate-limiter.js';

/** The limiter and the token estimate it charges by, loaded together. */
interface LoadedLimiter {
  limiter: RateLimiter;
  estimateTokens: typeof estimateTokens;
}

/** What `RetryHook.onRetry` may answer: retry after another delay, give up, or the default. */
export type RetryDecision = { action: 'retry'; delayMs: number } | { action: 'abort' } | { action: 'default' };

/** Told before each retry (and may change it) and when a call runs out of retries. */
export interface RetryHook {
  onRetry?(event: { error: OpenAIError; attempt: number; delayMs: number; endpoint: string }): RetryDecision | void | Promise<RetryDecision | void>;
  onExhausted?(event: { error: OpenAIError; attempts: number; endpoint: string; reason: 'max_retries' | 'budget' }): void;
}

/** Everything the policy is built from. */
export interface ResilienceSettings {
  maxRetries: number;
  retry: RetryOptions & { budget?: RetryBudgetOptions | false };
  circuitBreaker: CircuitBreakerOptions | false;
  rateLimit: RateLimitOptions | undefined;
  hooks: { retry?: RetryHook; circuitBreaker?: CircuitBreakerHook; rateLimit?: RateLimitHook; metrics?: MetricsHook };
  clock: Clock;
  logger: ClientLogger;
}

const STATE_VALUE: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

/** The model a call is for: the API's rate limits are per model. */
function modelOf(body: unknown): string | undefined {
  const model = (body as { model?: unknown } | undefined)?.model;
  return typeof model === 'string' ? model : undefined;
}

function totalTokens(value: unknown): number | undefined {
  const usage = (value as { usage?: { total_tokens?: unknown } } | undefined)?.usage;
  return typeof usage?.total_tokens === 'number' ? usage.total_tokens : undefined;
}

/** Circuits a client keeps before it forgets the idle ones. */
export const MAX_CIRCUITS = 1_000;

/** Builds the policy; one per client, so breakers, budget and limiter are shared by its calls. */
export function createResiliencePolicy(settings: ResilienceSettings): ResiliencePolicy {
  const { clock, logger, hooks } = settings;
  const safely = (what: string, run: () => void) => callHook(logger, what, run);
  const metric = (name: string, value: number, labels: Record<string, string>, gauge = false) => {
    const metrics = hooks.metrics;
    if (metrics) safely('metrics', () => (gauge ? metrics.setGauge?.(name, value, labels) : metrics.incrementCounter(name, value, labels)));
  };
  const budget = settings.retry.budget === false ? undefined : new RetryBudget(settings.retry.budget);
  // The limiter loads only when `rateLimit` is set (starting now, awaited by the first call): a
  // client without one, and a bundle of it, carries none of it. It brings the token estimate.
  const rateLimit = settings.rateLimit;
  let loadedLimiter: LoadedLimiter | undefined;
  const limiterReady: Promise<LoadedLimiter> | undefined = rateLimit
    ? import('./rate-limiter.js').then(({ RateLimiter, estimateTokens }) => (loadedLimiter = {
      estimateTokens,
      limiter: new RateLimiter(rateLimit, clock, {
        onWait: (event) => {
          metric(METRICS.rateLimitHits, 1, { endpoint: event.endpoint, source: 'client' });
          logger.debug(`Client-side rate limit: waiting ${event.waitMs} ms (${event.queued} queued)`);
          safely('rate limit', () => hooks.rateLimit?.onWait?.(event));
        },
        onRejected: (event) => safely('rate limit', () => hooks.rateLimit?.onRejected?.(event)),
      }),
    }))
    : undefined;
  // A load failure surfaces on the call that awaits it, not as an unhandled rejection.
  limiterReady?.catch(() => undefined);
  const breakerOptions = settings.circuitBreaker;
  const breakers = new Map<string, CircuitBreaker>();
  /**
   * The circuits by method, then endpoint template: every call looks its circuit up, and two
   * lookups by strings the services hold as constants cost less than one by a key built per call.
   */
  const byMethod = new Map<string, Map<string, CircuitBreaker>>();
  let cachedLookups = 0;
  let sweepAt = MAX_CIRCUITS;
  const breakerFor = (method: string, endpoint: string): CircuitBreaker | undefined => {
    if (breakerOptions === false) return undefined;
    const known = byMethod.get(method)?.get(endpoint);
    if (known) return known;
    // One circuit per endpoint by default: a failing chat endpoint must not stop embeddings.
    const key = breakerOptions.perEndpoint === false ? '*' : `${method} ${endpoint}`;
    let breaker = breakers.get(key);
    if (!breaker) {
      // A caller that puts ids in its paths (`core.get(`/files/${id}`)`) makes a circuit per
      // path: past MAX_CIRCUITS, the idle ones (closed, no recent failure) are forgotten, which
      // loses nothing, and the next sweep waits until the map has doubled again.
      if (breakers.size >= sweepAt) {
        for (const [name, circuit] of breakers) if (circuit.isIdle) breakers.delete(name);
        byMethod.clear();
        cachedLookups = 0;
        sweepAt = Math.max(MAX_CIRCUITS, breakers.size * 2);
      }
      breaker = new CircuitBreaker(key === '*' ? 'this client' : key, breakerOptions, clock, (from, to) => {
        logger.warn(`Circuit breaker for ${key === '*' ? 'this client' : key}: ${from} → ${to}`);
        metric(METRICS.circuitState, STATE_VALUE[to], { endpoint: key }, true);
        safely('circuit breaker', () => hooks.circuitBreaker?.onStateChange?.({ endpoint: key, from, to }));
      });
      breakers.set(key, breaker);
    }
    // The lookup cache is only a shortcut to `breakers`: bounded the same way, by starting over.
    if (++cachedLookups > MAX_CIRCUITS * 2) {
      byMethod.clear();
      cachedLookups = 1;
    }
    let endpoints = byMethod.get(method);
    if (!endpoints) byMethod.set(method, (endpoints = new Map()));
    endpoints.set(endpoint, breaker);
    return breaker;
  };

  const outcomeEvent = (endpoint: string, outcome: 'success' | 'failure', breaker: CircuitBreaker) => {
    // Runs after every call: without an `onOutcome` hook, no closure and no try for it.
    if (!hooks.circuitBreaker?.onOutcome) return;
    safely('circuit breaker', () => hooks.circuitBreaker?.onOutcome?.({ endpoint, outcome, state: breaker.state }));
  };

  /** Limiter bookkeeping after the verdict: a store that fails (a Redis blip) is logged, not thrown. */
  async function bookkeeping(what: string, work: () => unknown): Promise<void> {
    try {
      await work();
    } catch (error) {
      logger.warn(`Could not ${what}; the call's outcome stands.`, { error });
    }
  }

  /** Merged when a retry is weighed, not per call (most calls never fail), and no closure per call either. */
  const retrySettings = (callRetry: RetryOptions | undefined) => {
    const { budget: _budget, ...clientRetry } = settings.retry;
    return { ...DEFAULT_RETRY, ...definedOnly(clientRetry), ...definedOnly(callRetry ?? {}) };
  };

  async function run<T>(call: CallContext, attempt: (attemptNumber: number) => Promise<AttemptOutcome<T>>): Promise<AttemptOutcome<T>> {
    const { options, endpoint } = call;
    const maxRetries = options.maxRetries ?? settings.maxRetries;
    const breaker = options.circuitBreaker === false ? undefined : breakerFor(call.spec.method, endpoint);
    // A circuit with calls in flight is never forgotten (see breakerFor): their verdicts belong to it.
    breaker?.enter();
    try {
      const useLimiter = limiterReady !== undefined && options.rateLimit !== false;
      const loaded = useLimiter ? loadedLimiter ?? await limiterReady! : undefined;
      const limiter = loaded?.limiter;
      const model = modelOf(call.spec.body);
      const tokens = loaded ? (options.rateLimit ? options.rateLimit.estimatedTokens : undefined) ?? loaded.estimateTokens(call.spec.body) : 0;

      for (let attemptNumber = 1; ; attemptNumber++) {
        let admission: { readonly isProbe: boolean } | undefined;
        try {
          admission = breaker?.admit();
        } catch (error) {
          safely('circuit breaker', () => hooks.circuitBreaker?.onRejected?.({ endpoint, retryAfterMs: (error as OpenAIError).retryAfterMs ?? 0 }));
          throw error;
        }
        let permit: RateLimitPermit | undefined;
        try {
          if (useLimiter) {
            const waitStarted = Date.now();
            permit = await limiter!.acquire(tokens, endpoint, options.signal, model);
            const waitedMs = Date.now() - waitStarted;
            if (waitedMs > 0) call.spanEvent('rate_limit_wait', { 'openai.attempt': attemptNumber, 'openai.rate_limit.wait_ms': waitedMs });
          }
        } catch (error) {
          if (admission?.isProbe) breaker!.releaseProbe();
          throw error;
        }
        const isProbe = admission?.isProbe === true;
        /** True while this attempt holds the half-open probe slot and has given no verdict. */
        let holdingProbe = isProbe;
        try {
          const outcome = await attempt(attemptNumber);
          // The verdict first: what follows is bookkeeping that must not undo a success.
          if (breaker) {
            breaker.recordSuccess(isProbe);
            holdingProbe = false;
            outcomeEvent(endpoint, 'success', breaker);
          }
          budget?.refund();
          // Without a limiter there is no bookkeeping, and no tick spent awaiting it.
          if (permit) await bookkeeping('settle the rate-limit permit', () => permit.settle(totalTokens(outcome.value)));
          if (limiter) await bookkeeping('read rate-limit headers', () => limiter.observe(parseRateLimitHeaders(outcome.response.headers), model));
          return outcome;
        } catch (caught) {
          if (permit) await bookkeeping('settle the rate-limit permit', () => permit.settle(0));
          if (!OpenAIError.isInstance(caught)) throw caught;
          const error = caught;
          if (limiter && error.headers) await bookkeeping('read rate-limit headers', () => limiter.observe(parseRateLimitHeaders(new Headers(error.headers!)), model));
          const outage = countsAsOutage(error);
          if (holdingProbe) {
            holdingProbe = false;
            if (outage) {
              breaker!.recordFailure(true);
              outcomeEvent(endpoint, 'failure', breaker!);
            } else breaker!.releaseProbe(); // no verdict (a 4xx, a 429): let the next call probe
          }
          const recordFinal = () => {
            if (outage && !isProbe && breaker) {
              breaker.recordFailure();
              outcomeEvent(endpoint, 'failure', breaker);
            }
          };
          if (!error.retryable || !call.replayable || error.kind === 'aborted') {
            recordFinal();
            throw error;
          }
          const exhausted = attemptNumber > maxRetries ? 'max_retries' : budget && !budget.trySpend() ? 'budget' : undefined;
          if (exhausted) {
            recordFinal();
            if (exhausted === 'budget') logger.info(`Not retrying ${endpoint}: the client's retry budget is spent (the server looks unhealthy).`);
            safely('retry', () => hooks.retry?.onExhausted?.({ error, attempts: attemptNumber, endpoint, reason: exhausted }));
            throw error;
          }
          // A server hint longer than maxRetryAfter is not a sleep order: fail now, with the
          // full figure, so the caller can reschedule (unless the retry hook says otherwise).
          const retry = retrySettings(options.retry);
          const hint = serverRetryHint(error);
          const hintTooLong = hint !== undefined && hint > retry.maxRetryAfter;
          let delayMs = hintTooLong ? hint : computeRetryDelay(error, attemptNumber, retry);
          let decision: RetryDecision | void = undefined;
          try {
            decision = await hooks.retry?.onRetry?.({ error, attempt: attemptNumber, delayMs, endpoint });
          } catch (hookError) {
            logger.warn('A retry hook threw; using the default delay.', { error: hookError });
          }
          if (decision?.action === 'abort') {
            recordFinal();
            throw error;
          }
          if (hintTooLong && decision?.action !== 'retry') {
            recordFinal();
            logger.info(`Not retrying ${endpoint}: the server asked to wait ${hint} ms, longer than retry.maxRetryAfter (${retry.maxRetryAfter} ms).`);
            throw withRetryAfter(error, hint);
          }
          if (decision?.action === 'retry') delayMs = Math.max(0, decision.delayMs);
          metric(METRICS.retries, 1, { endpoint, kind: error.kind });
          call.spanEvent('retry', { 'openai.attempt': attemptNumber, 'openai.error.kind': error.kind, 'openai.retry.delay_ms': delayMs });
          logger.info(`Retrying ${call.spec.method} ${endpoint} in ${Math.round(delayMs)} ms (attempt ${attemptNumber + 1} of ${maxRetries + 1}): ${error.message}`);
          await clock.sleep(delayMs, options.signal);
        } finally {
          // Whatever else happened (a throw from a hook or a non-typed error), the slot is freed.
          if (holdingProbe) breaker!.releaseProbe();
        }
      }
    } finally {
      breaker?.leave();
    }
  }

  return { run };
}

/** The error with `retryAfterMs` set to the server's full hint (it may have come from reset headers). */
function withRetryAfter(error: OpenAIError, retryAfterMs: number): OpenAIError {
  if (error.retryAfterMs !== retryAfterMs) Object.defineProperty(error, 'retryAfterMs', { value: retryAfterMs, enumerable: true, configurable: true });
  return error;
}
