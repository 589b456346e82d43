/**
 * Observability hooks (DESIGN §6). Core calls them at fixed points; a hook that throws is
 * logged and ignored, so telemetry can never break a request.
 */
import type { CircuitBreakerHook } from '../resilience/circuit-breaker.js';
import type { RateLimitHook } from '../resilience/rate-limiter.js';
import type { RetryHook } from '../resilience/resilience.js';

/** Label values attached to a metric sample. */
export type MetricLabels = Record<string, string>;

/**
 * Receives the metrics listed in DESIGN §6 (`openai_requests_total`,
 * `openai_request_duration_seconds`, `openai_errors_total`, ...). Map them to Prometheus,
 * OpenTelemetry or StatsD.
 *
 * @example
 * const metrics: MetricsHook = {
 *   incrementCounter: (name, value, labels) => counters.get(name)?.add(value, labels),
 *   recordHistogram: (name, value, labels) => histograms.get(name)?.record(value, labels),
 * };
 */
export interface MetricsHook {
  incrementCounter(name: string, value: number, labels: MetricLabels): void;
  recordHistogram(name: string, value: number, labels: MetricLabels): void;
  setGauge?(name: string, value: number, labels: MetricLabels): void;
}

/** Attribute values a span accepts. */
export type SpanAttributes = Record<string, string | number | boolean>;

/** The part of a tracing span core uses; an OpenTelemetry span satisfies it. */
export interface Span {
  setAttribute(key: string, value: string | number | boolean): void;
  addEvent?(name: string, attributes?: SpanAttributes): void;
  recordException?(error: unknown): void;
  setStatus?(status: { code: 'ok' | 'error'; message?: string }): void;
  end(): void;
}

/**
 * Starts spans: `openai.request` for a call, `openai.http_request` for each attempt inside it.
 *
 * @example
 * const tracing: TracingHook = {
 *   startSpan: (name, { attributes, parent }) => myTracer.start(name, attributes, parent),
 * };
 */
export interface TracingHook {
  startSpan(name: string, options: { attributes: SpanAttributes; parent?: Span }): Span;
}

/** What a deprecation notice says. */
export interface DeprecationNotice {
  /** A stable name, e.g. `POST /completions` or `functions parameter`. */
  feature: string;
  message: string;
}

/** Told once per client the first time a deprecated feature is used. */
export interface DeprecationHook {
  onDeprecation(notice: DeprecationNotice): void;
}

/** The hooks a client accepts. */
export interface ClientHooks {
  metrics?: MetricsHook;
  tracing?: TracingHook;
  deprecation?: DeprecationHook;
  retry?: RetryHook;
  circuitBreaker?: CircuitBreakerHook;
  rateLimit?: RateLimitHook;
}

/** Metric names emitted by core (DESIGN §6). */
export const METRICS = {
  requests: 'openai_requests_total',
  duration: 'openai_request_duration_seconds',
  tokens: 'openai_tokens_used_total',
  errors: 'openai_errors_total',
  rateLimitHits: 'openai_rate_limit_hits_total',
  circuitState: 'openai_circuit_breaker_state',
  retries: 'openai_retry_attempts_total',
  streamChunks: 'openai_streaming_chunks_total',
} as const;
