/**
 * Metrics, spans and log lines for one call and its attempts, at the points DESIGN §6 names.
 * A hook that throws is reported once at warn level and otherwise ignored.
 */
import { callHook as safely } from './call-hook.js';
import type { OpenAIError } from '../errors/errors.js';
import { METRICS, type ClientHooks, type MetricLabels, type Span, type SpanAttributes } from './hooks.js';
import type { ClientLogger } from './logger.js';
import type { ResponseMeta } from '../transport/response-meta.js';

/** What telemetry knows about a call. */
export interface CallDescription {
  method: string;
  endpoint: string;
  url: URL;
  headers: Headers;
  body: unknown;
  model: string | undefined;
}

/** Telemetry for one attempt. */
export interface AttemptTelemetry {
  succeeded(response: Response): void;
  failed(error: OpenAIError): void;
}

/** Telemetry for one call. */
export interface CallTelemetry {
  attempt(attemptNumber: number): AttemptTelemetry;
  succeeded(meta: ResponseMeta, result: unknown): void;
  failed(error: OpenAIError): void;
  streamEvent(): void;
  /** Adds an event (a retry, a limiter wait) to the `openai.request` span. */
  spanEvent(name: string, attributes: SpanAttributes): void;
}

interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
  input_tokens?: number;
  output_tokens?: number;
}

const UNTRACED_ATTEMPT: AttemptTelemetry = { succeeded() {}, failed() {} };

function logRequest(logger: ClientLogger, call: CallDescription): void {
  if (!logger.isEnabled('debug')) return;
  logger.debug(`→ ${call.method} ${call.url.pathname}`, {
    url: call.url.href,
    headers: call.headers,
    ...(logger.logBodies && call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
  });
}

function logSucceeded(logger: ClientLogger, call: CallDescription, meta: ResponseMeta): void {
  // Checked first: reading `meta.headers` redacts every header, work for a line nobody logs.
  if (!logger.isEnabled('debug')) return;
  logger.debug(`← ${meta.status} ${call.method} ${call.url.pathname} in ${meta.durationMs} ms`, { requestId: meta.requestId, attempts: meta.attempts, headers: meta.headers });
}

function logFailed(logger: ClientLogger, call: CallDescription, error: OpenAIError): void {
  // The caller gets the error itself; the log line is for operators, so keep it quiet by default.
  const level = error.kind === 'aborted' ? 'debug' : 'info';
  logger[level](`✗ ${call.method} ${call.url.pathname}: ${error.message}`, { errorCode: error.errorCode, code: error.code, requestId: error.requestId, attempts: error.attempts });
}

/**
 * A call's telemetry when the client has neither a metrics nor a tracing hook (the default):
 * its log lines and nothing else, without the labels, span attributes and closures that only
 * those hooks read.
 */
function logOnlyTelemetry(logger: ClientLogger, call: CallDescription): CallTelemetry {
  logRequest(logger, call);
  return {
    attempt: () => UNTRACED_ATTEMPT,
    succeeded: (meta) => logSucceeded(logger, call, meta),
    failed: (error) => logFailed(logger, call, error),
    streamEvent() {},
    spanEvent() {},
  };
}

/**
 * Starts telemetry for a call: opens the `openai.request` span and logs the request. The hooks
 * present when the call starts are the ones it reports to.
 */
export function startCallTelemetry(hooks: ClientHooks, logger: ClientLogger, call: CallDescription): CallTelemetry {
  if (!hooks.metrics && !hooks.tracing) return logOnlyTelemetry(logger, call);
  const started = Date.now();
  const labels: MetricLabels = { method: call.method, endpoint: call.endpoint };
  if (call.model) labels.model = call.model;
  const attributes: SpanAttributes = { 'http.request.method': call.method, 'url.path': call.url.pathname, 'openai.endpoint': call.endpoint };
  if (call.model) attributes['openai.model'] = call.model;
  let span: Span | undefined;
  if (hooks.tracing) safely(logger, 'tracing', () => (span = hooks.tracing!.startSpan('openai.request', { attributes })));
  logRequest(logger, call);
  const metric = (kind: 'counter' | 'histogram', name: string, value: number, extra: MetricLabels = {}) => {
    const metrics = hooks.metrics;
    if (!metrics) return;
    safely(logger, 'metrics', () =>
      kind === 'counter' ? metrics.incrementCounter(name, value, { ...labels, ...extra }) : metrics.recordHistogram(name, value, { ...labels, ...extra }),
    );
  };

  return {
    attempt(attemptNumber) {
      // Without a tracer an attempt has nothing to record: one shared no-op, no closures per attempt.
      if (!hooks.tracing) return UNTRACED_ATTEMPT;
      let attemptSpan: Span | undefined;
      if (hooks.tracing) {
        safely(logger, 'tracing', () => {
          attemptSpan = hooks.tracing!.startSpan('openai.http_request', { attributes: { ...attributes, 'openai.attempt': attemptNumber }, ...(span ? { parent: span } : {}) });
        });
      }
      return {
        succeeded(response) {
          safely(logger, 'tracing', () => {
            attemptSpan?.setAttribute('http.response.status_code', response.status);
            const requestId = response.headers.get('x-request-id');
            if (requestId) attemptSpan?.setAttribute('openai.request_id', requestId);
            attemptSpan?.end();
          });
        },
        failed(error) {
          safely(logger, 'tracing', () => {
            if (error.status !== undefined) attemptSpan?.setAttribute('http.response.status_code', error.status);
            attemptSpan?.recordException?.(error);
            attemptSpan?.setStatus?.({ code: 'error', message: error.kind });
            attemptSpan?.end();
          });
        },
      };
    },
    succeeded(meta, result) {
      const seconds = (Date.now() - started) / 1000;
      metric('counter', METRICS.requests, 1, { status: String(meta.status) });
      metric('histogram', METRICS.duration, seconds, { status: String(meta.status) });
      const usage = (result as { usage?: Usage } | undefined)?.usage;
      if (usage && typeof usage === 'object') {
        const prompt = usage.prompt_tokens ?? usage.input_tokens;
        const completion = usage.completion_tokens ?? usage.output_tokens;
        if (typeof prompt === 'number') metric('counter', METRICS.tokens, prompt, { type: 'prompt' });
        if (typeof completion === 'number') metric('counter', METRICS.tokens, completion, { type: 'completion' });
      }
      if (span) {
        safely(logger, 'tracing', () => {
          span?.setAttribute('http.response.status_code', meta.status);
          if (meta.requestId) span?.setAttribute('openai.request_id', meta.requestId);
          span?.setAttribute('openai.attempts', meta.attempts);
          span?.setStatus?.({ code: 'ok' });
          span?.end();
        });
      }
      logSucceeded(logger, call, meta);
    },
    failed(error) {
      const status = error.status === undefined ? 'none' : String(error.status);
      metric('counter', METRICS.requests, 1, { status });
      metric('histogram', METRICS.duration, (Date.now() - started) / 1000, { status });
      metric('counter', METRICS.errors, 1, { category: error.category, kind: error.kind });
      if (error.status === 429) metric('counter', METRICS.rateLimitHits, 1);
      safely(logger, 'tracing', () => {
        span?.recordException?.(error);
        span?.setStatus?.({ code: 'error', message: error.kind });
        span?.end();
      });
      logFailed(logger, call, error);
    },
    streamEvent() {
      // Runs per stream event: nothing at all without a metrics hook.
      if (hooks.metrics) metric('counter', METRICS.streamChunks, 1);
    },
    spanEvent(name, eventAttributes) {
      safely(logger, 'tracing', () => span?.addEvent?.(name, eventAttributes));
    },
  };
}
