/** The data that describes one API call: what domain packages hand to core. */
import type { HeadersInput } from '../config/headers.js';
import type { DeprecationNotice } from '../observability/hooks.js';
import type { RetryOptions } from '../resilience/retry.js';
import type { FormValue, UploadProgress } from '../uploads/multipart.js';

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';

/** How the response body is read: `stream` hands the body over unread (a byte stream). */
export type ResponseKind = 'json' | 'text' | 'binary' | 'sse' | 'stream';

/** A query parameter value; arrays are sent as `name[]=a&name[]=b`. */
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;

/** One call, as data. */
export interface RequestSpec {
  method: HttpMethod;
  /** Already encoded, relative to the base URL, e.g. `/files/file-abc`. */
  path: string;
  /** The path template for metrics and spans, e.g. `/files/{file_id}`. Defaults to `path`. */
  endpoint?: string;
  query?: Record<string, QueryValue>;
  /** A JSON body, serialized once for all attempts. */
  body?: unknown;
  /** A multipart body; upload values become streamed file parts. */
  multipart?: Record<string, FormValue>;
  responseKind?: ResponseKind;
  /** The `Accept` header, when the operation declares one (`application/octet-stream`, `audio/*`). */
  accept?: string;
  /** Sent as `OpenAI-Beta`, e.g. `assistants=v2`. */
  beta?: string;
  /**
   * Marks the call deprecated; the deprecation hook hears of each feature once per client. A
   * string names the endpoint as the feature; `{ feature, message }` names a parameter, say.
   */
  deprecated?: string | DeprecationNotice;
}

/** Per-call options, accepted by every service method as its last argument. */
export interface RequestOptions {
  /** Aborts the call, a wait or a stream at once. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds (overrides the client's). */
  timeout?: number;
  /** Retries after the first attempt (overrides the client's). */
  maxRetries?: number;
  /** Extra headers; a `null` value removes a default header. */
  headers?: HeadersInput;
  /** Sent as `Idempotency-Key` on every attempt; generated for POSTs when absent. */
  idempotencyKey?: string;
  /** Called as an upload's bytes leave the client. */
  onUploadProgress?(progress: UploadProgress): void;
  /** Backoff settings for this call (over the client's). */
  retry?: RetryOptions;
  /** Longest silence between stream chunks before a typed `stream_idle` timeout (overrides the client's). */
  streamIdleTimeout?: number;
  /** `false` skips the client-side rate limiter; `estimatedTokens` replaces the estimate. */
  rateLimit?: false | { estimatedTokens?: number };
  /** `false` lets this call bypass the circuit breaker (a health check, say). */
  circuitBreaker?: false;
}

/** The binary body of a response (audio, file content). */
export interface BinaryResponse {
  contentType: string;
  data: Uint8Array;
}
