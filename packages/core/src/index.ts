/**
 * @integrations/openai-core: the transport, auth, typed errors, streams, uploads, pagination
 * and hooks every @integrations/openai package is built on.
 */
export { ApiKey } from './config/api-key.js';
export {
  DEFAULT_CIRCUIT_BREAKER, type CircuitBreakerHook, type CircuitBreakerOptions, type CircuitState,
} from './resilience/circuit-breaker.js';
export type { Clock } from './resilience/clock.js';
export {
  DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_STREAM_IDLE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, resolveConfig,
  type ClientOptions, type ClientRetryOptions, type ResolvedConfig,
} from './config/config.js';
export { createOpenAICore, isOpenAICore, type BodyInit, type ByteStreamInit, type CallInit, type CoreInternals, type OpenAICore, type StreamInit } from './core.js';
export { failedByteStream, type ByteStream } from './streams/byte-stream.js';
export { parseDuration } from './resilience/duration.js';
export {
  AuthenticationError, ConfigurationError, ContentPolicyError, NetworkError, OpenAIError, RateLimitError,
  RequestError, ResourceError, ResponseError, ServerError, createError,
  type ErrorCategory, type ErrorKind, type OpenAIErrorDetails, type TimeoutKind, type ValidationIssue,
} from './errors/errors.js';
export { SENSITIVE_HEADERS, mergeHeaders, redactHeaders, type HeadersInput } from './config/headers.js';
export {
  METRICS, type ClientHooks, type DeprecationHook, type DeprecationNotice, type MetricLabels, type MetricsHook,
  type Span, type SpanAttributes, type TracingHook,
} from './observability/hooks.js';
export type { Logger, LogLevel } from './observability/logger.js';
export type { Middleware, MiddlewareRequest, MiddlewareResponse } from './transport/middleware.js';
export { encodeMultipart, type FormValue, type MultipartBody, type UploadProgress } from './uploads/multipart.js';
export { createPagedList, type CursorPage, type PageFetcher, type PagedList } from './lists/pagination.js';
export { expandPath, path } from './transport/path.js';
export { defineOperations, pathParamNames, type Operation, type OperationInput } from './services/operation.js';
export { failedList, rejectingMethods, type FailedResults } from './services/service-methods.js';
export { poll, type PollOptions } from './lists/polling.js';
export { InMemoryRateLimitStore, type BucketRequest, type ConsumeResult, type RateLimitStore } from './resilience/rate-limit-store.js';
export type { RateLimitHook, RateLimitOptions, RateLimitPermit } from './resilience/rate-limiter.js';
export type { RetryDecision, RetryHook } from './resilience/resilience.js';
export { DEFAULT_RETRY, type RetryOptions } from './resilience/retry.js';
export type { RetryBudgetOptions } from './resilience/retry-budget.js';
export type { BinaryResponse, HttpMethod, QueryValue, RequestOptions, RequestSpec, ResponseKind } from './transport/request-spec.js';
export { getResponseMeta, type RateLimitInfo, type ResponseMeta } from './transport/response-meta.js';
export { SseDecoder, type ServerSentEvent } from './streams/sse-decoder.js';
export { SseStream, type NamedEvent } from './streams/sse-stream.js';
export { FinalResultStream, type StreamFinish } from './streams/final-result-stream.js';
export { READ_BODY_CHUNKS, type ChunkReader } from './streams/chunk-reader.js';
export { estimateTokens } from './resilience/token-estimate.js';
export { createFetchTransport, type Transport, type TransportRequest } from './transport/transport.js';
export { contentTypeFor, isUploadable, toFile, type FilePath, type Uploadable, type UploadFile } from './uploads/upload-file.js';
export {
  deferredSchema, lazySchema, resolveSchema, validateParams, validateParamsAsync,
  type AnySchema, type DeferredSchema, type LazySchema, type ParamsSchema,
} from './services/validation.js';
export { VERSION } from './version.js';
