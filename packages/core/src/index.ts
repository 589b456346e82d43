/**
 * @integrations/openai-core: the transport, auth, typed errors, streams, uploads, pagination
 * and hooks every @integrations/openai package is built on.
 */
export { ApiKey } from './api-key.js';
export {
  DEFAULT_CIRCUIT_BREAKER, type CircuitBreakerHook, type CircuitBreakerOptions, type CircuitState,
} from './circuit-breaker.js';
export type { Clock } from './clock.js';
export {
  DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_STREAM_IDLE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, resolveConfig,
  type ClientOptions, type ClientRetryOptions, type ResolvedConfig,
} from './config.js';
export { createOpenAICore, isOpenAICore, type BodyInit, type CallInit, type CoreInternals, type OpenAICore } from './core.js';
export { parseDuration } from './duration.js';
export {
  AuthenticationError, ConfigurationError, ContentPolicyError, NetworkError, OpenAIError, RateLimitError,
  RequestError, ResourceError, ResponseError, ServerError, createError,
  type ErrorCategory, type ErrorKind, type OpenAIErrorDetails, type TimeoutKind, type ValidationIssue,
} from './errors.js';
export { SENSITIVE_HEADERS, mergeHeaders, redactHeaders, type HeadersInput } from './headers.js';
export {
  METRICS, type ClientHooks, type DeprecationHook, type DeprecationNotice, type MetricLabels, type MetricsHook,
  type Span, type SpanAttributes, type TracingHook,
} from './hooks.js';
export type { Logger, LogLevel } from './logger.js';
export type { Middleware, MiddlewareRequest, MiddlewareResponse } from './middleware.js';
export { encodeMultipart, type FormValue, type MultipartBody, type UploadProgress } from './multipart.js';
export { createPagedList, type CursorPage, type PageFetcher, type PagedList } from './pagination.js';
export { expandPath, path } from './path.js';
export { defineOperations, pathParamNames, type Operation, type OperationInput } from './operation.js';
export { failedList, rejectingMethods, type FailedResults } from './service-methods.js';
export { poll, type PollOptions } from './polling.js';
export { InMemoryRateLimitStore, type BucketRequest, type ConsumeResult, type RateLimitStore } from './rate-limit-store.js';
export type { RateLimitHook, RateLimitOptions, RateLimitPermit } from './rate-limiter.js';
export type { RetryDecision, RetryHook } from './resilience.js';
export { DEFAULT_RETRY, type RetryOptions } from './retry.js';
export type { RetryBudgetOptions } from './retry-budget.js';
export type { BinaryResponse, HttpMethod, QueryValue, RequestOptions, RequestSpec, ResponseKind } from './request-spec.js';
export { getResponseMeta, type RateLimitInfo, type ResponseMeta } from './response-meta.js';
export { SseDecoder, type ServerSentEvent } from './sse-decoder.js';
export { SseStream, type NamedEvent } from './sse-stream.js';
export { estimateTokens } from './token-estimate.js';
export { createFetchTransport, type Transport, type TransportRequest } from './transport.js';
export { contentTypeFor, isUploadable, toFile, type FilePath, type Uploadable, type UploadFile } from './upload-source.js';
export { lazySchema, validateParams, type LazySchema, type ParamsSchema } from './validation.js';
export { VERSION } from './version.js';
