/**
 * The error hierarchy of DESIGN §4: one base class, nine categories, a `kind` for the subtype.
 * A `Symbol.for` brand keeps `isInstance()` working across two installed copies of core.
 */
import { isObject } from '../config/is-object.js';

const BRAND = Symbol.for('@integrations/openai-core/error');

/** The nine categories; each has its own subclass. */
export type ErrorCategory =
  | 'configuration'
  | 'authentication'
  | 'request'
  | 'network'
  | 'rate_limit'
  | 'server'
  | 'response'
  | 'resource'
  | 'content_policy';

/** The subtype of an error. Open: new kinds may appear in a minor release. */
export type ErrorKind =
  | 'missing_api_key'
  | 'invalid_base_url'
  | 'insecure_base_url'
  | 'invalid_option'
  | 'invalid_api_key'
  | 'permission_denied'
  | 'validation'
  | 'bad_request'
  | 'payload_too_large'
  | 'aborted'
  | 'unsupported_upload'
  | 'timeout'
  | 'connection_failed'
  | 'connection_reset'
  | 'stream_interrupted'
  | 'too_many_requests'
  | 'quota_exceeded'
  | 'internal_error'
  | 'bad_gateway'
  | 'service_unavailable'
  | 'gateway_timeout'
  | 'server_error'
  | 'circuit_open'
  | 'invalid_json'
  | 'empty_body'
  | 'unexpected_content_type'
  | 'invalid_response'
  | 'not_found'
  | 'already_exists'
  | 'content_filtered'
  | 'redirect_refused'
  | 'queue_timeout'
  | 'queue_full'
  | (string & {});

/** Which bound fired, on a `timeout` error. */
export type TimeoutKind = 'request' | 'stream_idle' | 'poll' | 'queue';

/** One problem found by request validation, with the path of the offending field. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Everything an error can carry; only `kind` and `message` are required. */
export interface OpenAIErrorDetails {
  kind: ErrorKind;
  message: string;
  retryable?: boolean;
  status?: number;
  requestId?: string;
  type?: string;
  param?: string;
  /** The API's own error code, e.g. `insufficient_quota` (as in the official SDK). */
  code?: string;
  retryAfterMs?: number;
  headers?: Record<string, string>;
  issues?: ValidationIssue[];
  timeoutKind?: TimeoutKind;
  attempts?: number;
  durationMs?: number;
  cause?: unknown;
}

/** `OPENAI_` and the kind in capitals (`OPENAI_QUOTA_EXCEEDED`); only `too_many_requests` reads shorter. */
function codeFor(kind: string): string {
  return kind === 'too_many_requests' ? 'OPENAI_RATE_LIMIT' : `OPENAI_${kind.toUpperCase()}`;
}

/**
 * Base of every error thrown by @integrations/openai packages.
 *
 * @example
 * try { await chat.create(params); }
 * catch (error) {
 *   if (RateLimitError.isInstance(error)) console.log(error.retryAfterMs, error.requestId);
 * }
 */
export class OpenAIError extends Error {
  /** The category this class stands for; `undefined` on the base class. */
  static readonly category: ErrorCategory | undefined = undefined;

  declare readonly [BRAND]: true;
  readonly category: ErrorCategory;
  readonly kind: ErrorKind;
  /** Our stable category code, such as `OPENAI_RATE_LIMIT` (the original design's `code`). */
  readonly errorCode: string;
  readonly retryable: boolean;
  readonly status?: number;
  readonly requestId?: string;
  /** The API's error `type`, e.g. `invalid_request_error`. */
  readonly type?: string;
  readonly param?: string;
  /**
   * The API's own error `code`, e.g. `insufficient_quota` or `model_not_found`, as the official
   * SDK names it, so a ported `err.code === 'insufficient_quota'` keeps working.
   */
  readonly code?: string;
  readonly retryAfterMs?: number;
  /** Response headers, with credentials and cookies redacted. */
  readonly headers?: Record<string, string>;
  readonly issues?: ValidationIssue[];
  readonly timeoutKind?: TimeoutKind;
  readonly attempts?: number;
  readonly durationMs?: number;

  constructor(category: ErrorCategory, details: OpenAIErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    Object.defineProperty(this, BRAND, { value: true });
    // From the category ('rate_limit' → 'RateLimitError'), not the class: a minifier renames
    // classes, and `error.name` must still read `RateLimitError`.
    this.name = `${category.replace(/(?:^|_)(\w)/g, (_, letter: string) => letter.toUpperCase())}Error`;
    this.category = category;
    this.kind = details.kind;
    this.errorCode = codeFor(details.kind);
    this.retryable = details.retryable ?? false;
    const optional = [
      'status', 'requestId', 'type', 'param', 'code', 'retryAfterMs', 'headers', 'issues',
      'timeoutKind', 'attempts', 'durationMs',
    ] as const;
    for (const key of optional) {
      if (details[key] !== undefined) (this as Record<string, unknown>)[key] = details[key];
    }
  }

  /**
   * True for any error of this class from any copy of core (a plain `instanceof` fails when two
   * versions are installed).
   */
  static isInstance<E extends OpenAIError>(
    this: { readonly category: ErrorCategory | undefined; readonly prototype: E },
    value: unknown,
  ): value is E {
    if (!isObject(value)) return false;
    if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
    return this.category === undefined || (value as OpenAIError).category === this.category;
  }

  /** @deprecated Renamed `code` (the API's code, as in the official SDK); removed in 1.0. */
  get serverCode(): string | undefined {
    return this.code;
  }

  /** A plain, log-safe object: never holds request headers or credentials. */
  toJSON(): Record<string, unknown> {
    const { name, message, category, kind, errorCode, retryable } = this;
    const json: Record<string, unknown> = { name, message, category, kind, errorCode, retryable };
    for (const key of ['code', 'status', 'requestId', 'type', 'param', 'retryAfterMs',
      'issues', 'timeoutKind', 'attempts'] as const) {
      if (this[key] !== undefined) json[key] = this[key];
    }
    return json;
  }
}

/** What `ofCategory` returns: OpenAIError's statics, a fixed `category`, a constructor of details only. */
interface CategoryClass<C extends ErrorCategory> {
  new (details: OpenAIErrorDetails): OpenAIError;
  readonly category: C;
  isInstance: typeof OpenAIError.isInstance;
}

/**
 * The base of one category's class: its `category`, and a constructor that takes only the
 * details. The nine classes share it, so each is one line in a bundle instead of a constructor.
 */
function ofCategory<C extends ErrorCategory>(category: C): CategoryClass<C> {
  return class extends OpenAIError {
    static override readonly category = category;
    constructor(details: OpenAIErrorDetails) {
      super(category, details);
    }
  };
}

/** Bad client options: missing key, bad URL, negative timeout... Thrown before any request. */
export class ConfigurationError extends ofCategory('configuration') {}

/** 401 (invalid key) and 403 (permission denied). */
export class AuthenticationError extends ofCategory('authentication') {}

/** The request itself is wrong (client-side validation, 400/422, 413) or was aborted by the caller. */
export class RequestError extends ofCategory('request') {}

/** Connection refused or reset, timeouts, a stream cut before its end. */
export class NetworkError extends ofCategory('network') {}

/** 429 from the server, or the client-side rate limiter refusing a call. */
export class RateLimitError extends ofCategory('rate_limit') {}

/** 5xx, an SSE `error` event of type server_error, or an open circuit breaker. */
export class ServerError extends ofCategory('server') {}

/** A response we could not use: bad or truncated JSON, empty body, wrong content type. */
export class ResponseError extends ofCategory('response') {}

/** 404 (not found) and 409 (already exists). */
export class ResourceError extends ofCategory('resource') {}

/** The content was refused by the API's safety system. */
export class ContentPolicyError extends ofCategory('content_policy') {}

const CLASSES = {
  configuration: ConfigurationError,
  authentication: AuthenticationError,
  request: RequestError,
  network: NetworkError,
  rate_limit: RateLimitError,
  server: ServerError,
  response: ResponseError,
  resource: ResourceError,
  content_policy: ContentPolicyError,
} as const;

/** Builds the subclass that stands for `category`. */
export function createError(category: ErrorCategory, details: OpenAIErrorDetails): OpenAIError {
  return new CLASSES[category](details);
}
