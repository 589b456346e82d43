/**
 * Client options, resolved once: explicit options first, then the environment (DESIGN §6).
 * Every mistake becomes a `ConfigurationError` here, before any request exists.
 */
import { ApiKey } from './api-key.js';
import { readEnv } from './env.js';
import { CLIENT_SHAPES, settingsProblem, valueProblem } from './settings-shapes.js';
import { unknownNameMessage } from './closest-name.js';
import { ConfigurationError } from '../errors/errors.js';
import { headerProblem, type HeadersInput } from './headers.js';
import type { ClientHooks } from '../observability/hooks.js';
import type { Logger, LogLevel } from '../observability/logger.js';
import type { Middleware } from '../transport/middleware.js';
import type { Transport } from '../transport/transport.js';
import type { CircuitBreakerOptions } from '../resilience/circuit-breaker.js';
import type { RateLimitOptions } from '../resilience/rate-limiter.js';
import type { RetryOptions } from '../resilience/retry.js';
import type { RetryBudgetOptions } from '../resilience/retry-budget.js';
import { isObject } from './is-object.js';

/** The default base URL of the OpenAI API. */
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
/** Ten minutes per attempt: long reasoning requests need it (DESIGN §5). */
export const DEFAULT_TIMEOUT_MS = 600_000;
/** Retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 3;
/**
 * Upper bound of the default stream idle limit: 5 minutes (reasoning models pause before
 * answering). The default itself is the smaller of this and `timeout`.
 */
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 300_000;

/** Retry settings of a client: backoff, plus the retry budget (`false` turns it off). */
export interface ClientRetryOptions extends RetryOptions {
  budget?: RetryBudgetOptions | false;
}

/** Options accepted by every `create*Service` function and by the umbrella client. */
export interface ClientOptions {
  /** Defaults to `OPENAI_API_KEY`. */
  apiKey?: string | ApiKey;
  /** Sent as `OpenAI-Organization`; defaults to `OPENAI_ORG_ID`. */
  organizationId?: string;
  /** Sent as `OpenAI-Project`; defaults to `OPENAI_PROJECT_ID`. */
  projectId?: string;
  /** Defaults to `OPENAI_BASE_URL`, then `https://api.openai.com/v1`. */
  baseUrl?: string;
  /** Per-attempt timeout in milliseconds, covering headers and body. Default 600000. */
  timeout?: number;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Backoff (500 ms × 2ⁿ, ±10%, capped at 60 s) and the retry budget. */
  retry?: ClientRetryOptions;
  /** Circuit breaker settings, or `false` to turn it off. On by default. */
  circuitBreaker?: CircuitBreakerOptions | false;
  /** Client-side rate limiting (RPM, TPM, RPD, TPD). Off unless given. */
  rateLimit?: RateLimitOptions;
  /**
   * Longest silence between stream chunks, in ms, before a typed `stream_idle` timeout.
   * Default: the smaller of `timeout` and 300000 (5 minutes), so `timeout: 3000` also ends a
   * stream that stalls after its first chunk within 3 s. An explicit value wins.
   */
  streamIdleTimeout?: number;
  /** Headers sent with every request; a `null` value removes a default header. */
  defaultHeaders?: HeadersInput;
  /** Query parameters sent with every request (an Azure-style `api-version`, say). */
  defaultQuery?: Record<string, string>;
  /** A `fetch` to use instead of the global one (a proxy agent, a test double). */
  fetch?: typeof fetch;
  /** A whole transport to use instead of fetch. Wins over `fetch`. */
  transport?: Transport;
  /** Ordered middleware: `onRequest`/`onResponse`/`onError`. */
  middleware?: Middleware[];
  /** Any object with debug/info/warn/error. Defaults to `console`. */
  logger?: Logger;
  /** Default `warn`; `OPENAI_LOG` sets it from the environment. */
  logLevel?: LogLevel;
  /** Log request and response bodies (truncated) at debug level. Default false. */
  logBodies?: boolean;
  /** Metrics, tracing and deprecation hooks. */
  hooks?: ClientHooks;
  /** Allow `http://` for a host that is not loopback. Default false. */
  allowInsecureHttp?: boolean;
  /** Validate response bodies against the method's schema where one exists. Default false. */
  validateResponses?: boolean;
}

/** Options after defaults and environment are applied; frozen. */
export interface ResolvedConfig {
  readonly apiKey: ApiKey;
  readonly organizationId: string | undefined;
  readonly projectId: string | undefined;
  readonly baseUrl: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly retry: ClientRetryOptions;
  readonly circuitBreaker: CircuitBreakerOptions | false;
  readonly rateLimit: RateLimitOptions | undefined;
  /** `undefined` when not set: each call then uses the smaller of its `timeout` and 5 minutes. */
  readonly streamIdleTimeout: number | undefined;
  readonly defaultHeaders: HeadersInput | undefined;
  readonly defaultQuery: Record<string, string> | undefined;
  readonly fetch: typeof fetch | undefined;
  readonly transport: Transport | undefined;
  readonly middleware: readonly Middleware[];
  readonly logger: Logger | undefined;
  readonly logLevel: LogLevel | undefined;
  readonly logBodies: boolean;
  readonly hooks: ClientHooks;
  readonly validateResponses: boolean;
}

/** The error for a bad option (one `new` for the many checks below: they are in every first load). */
function optionError(message: string, kind = 'invalid_option'): ConfigurationError {
  return new ConfigurationError({ kind, message });
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname.endsWith('.localhost');
}

function resolveBaseUrl(raw: string, allowInsecureHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw optionError(`baseUrl is not a valid URL: ${JSON.stringify(raw)}`, 'invalid_base_url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw optionError(`baseUrl must use https:// (or http:// for loopback), got ${url.protocol}//`, 'invalid_base_url');
  }
  if (url.username || url.password) {
    throw optionError('baseUrl must not carry credentials; use apiKey', 'invalid_base_url');
  }
  // Paths are appended to the base URL: after a query or a fragment they would land there, and
  // `DELETE /models/{id}` would reach `DELETE /v1`. Query parameters belong in defaultQuery.
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) {
    throw optionError('baseUrl must not have a query or a fragment; pass query parameters as defaultQuery (e.g. { "api-version": "..." })', 'invalid_base_url');
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopback(url.hostname)) {
    throw optionError(`Refusing to send the API key over plain http:// to ${url.hostname}. Use https://, or set allowInsecureHttp: true if this network is trusted.`, 'insecure_base_url');
  }
  return url.href.replace(/\/+$/, '');
}

/** Printable ASCII without spaces: what an id or key may hold to travel in a header. */
const HEADER_TOKEN = /^[\x21-\x7e]+$/;
/** An id sent as a header (`OpenAI-Organization`, `OpenAI-Project`), checked like the key. */
function checkHeaderId(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !HEADER_TOKEN.test(value)) {
    throw optionError(`${name} must be printable ASCII without spaces (it is sent as a header), got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Default headers must be sendable: checked here, not as a raw TypeError on the first call. */
function checkDefaultHeaders(headers: HeadersInput | undefined): HeadersInput | undefined {
  const problem = headers === undefined ? undefined : headerProblem(headers);
  if (problem !== undefined) throw optionError(`defaultHeaders: ${problem}`);
  return headers;
}

function resolveApiKey(option: string | ApiKey | undefined): ApiKey {
  // An ApiKey is checked like a string: it goes into the same header.
  const raw = ApiKey.isInstance(option) ? option.reveal() : option ?? readEnv('OPENAI_API_KEY');
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw optionError('No API key: pass apiKey, or set the OPENAI_API_KEY environment variable.', 'missing_api_key');
  }
  // It goes into a header: a newline would inject one, and a non-ASCII character (a pasted
  // zero-width space) would fail inside fetch as a raw TypeError. Never echo the key itself.
  if (!HEADER_TOKEN.test(raw.trim())) {
    throw optionError('apiKey contains whitespace, control or non-ASCII characters (a pasted zero-width space?).');
  }
  return ApiKey.isInstance(option) && option.reveal() === raw.trim() ? option : new ApiKey(raw.trim());
}

/** The client's numeric options, checked by the same rules as the nested settings. */
const NUMBERS = { timeout: 'timeout', maxRetries: 'whole', streamIdleTimeout: 'timeout' } as const;

/** A numeric option, or `fallback` when not given; a timeout must fit a timer (2³¹−1 ms). */
function checkNumber(name: keyof typeof NUMBERS, value: number | undefined, fallback: number): number;
function checkNumber(name: keyof typeof NUMBERS, value: number | undefined, fallback?: number): number | undefined;
function checkNumber(name: keyof typeof NUMBERS, value: number | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const problem = valueProblem(value, NUMBERS[name]);
  if (problem !== undefined) throw optionError(`${name} ${problem}`);
  return value;
}

/** Checks a nested settings object (`retry`, `rateLimit`, ...): known keys, values in range. */
function checkSettings<T>(name: keyof typeof CLIENT_SHAPES, settings: T): T {
  const problem = settingsProblem(name, settings, CLIENT_SHAPES[name]);
  if (problem !== undefined) throw optionError(problem);
  return settings;
}

/** Every client option; an object literal typed `ClientOptions` keeps this list honest. */
const CLIENT_OPTIONS = Object.keys({
  apiKey: 0, organizationId: 0, projectId: 0, baseUrl: 0, timeout: 0, maxRetries: 0, retry: 0, circuitBreaker: 0,
  rateLimit: 0, streamIdleTimeout: 0, defaultHeaders: 0, defaultQuery: 0, fetch: 0, transport: 0, middleware: 0,
  logger: 0, logLevel: 0, logBodies: 0, hooks: 0, allowInsecureHttp: 0, validateResponses: 0,
} satisfies Record<keyof ClientOptions, 0>);

/**
 * An unknown option is a mistake, not a no-op: `baseURL` in an untyped config object would
 * otherwise send every request (and the key) to the public API.
 */
function checkKnownOptions(options: ClientOptions): void {
  if (!isObject(options)) {
    throw optionError(`Client options must be an object, got ${options === null ? 'null' : typeof options}`);
  }
  for (const name of Object.keys(options)) {
    if (!CLIENT_OPTIONS.includes(name)) throw optionError(unknownNameMessage('client option', name, CLIENT_OPTIONS));
  }
}

/**
 * Applies defaults and the environment to `options` and checks them.
 *
 * @example
 * const config = resolveConfig({ apiKey: 'sk-...', timeout: 30_000 });
 */
export function resolveConfig(options: ClientOptions = {}): ResolvedConfig {
  checkKnownOptions(options);
  const allowInsecureHttp = options.allowInsecureHttp ?? false;
  return Object.freeze({
    apiKey: resolveApiKey(options.apiKey),
    organizationId: checkHeaderId('organizationId', options.organizationId ?? readEnv('OPENAI_ORG_ID')),
    projectId: checkHeaderId('projectId', options.projectId ?? readEnv('OPENAI_PROJECT_ID')),
    baseUrl: resolveBaseUrl(options.baseUrl ?? readEnv('OPENAI_BASE_URL') ?? DEFAULT_BASE_URL, allowInsecureHttp),
    timeout: checkNumber('timeout', options.timeout, DEFAULT_TIMEOUT_MS),
    maxRetries: checkNumber('maxRetries', options.maxRetries, DEFAULT_MAX_RETRIES),
    retry: checkSettings('retry', options.retry ?? {}),
    circuitBreaker: options.circuitBreaker === false ? false : checkSettings('circuitBreaker', options.circuitBreaker ?? {}),
    rateLimit: options.rateLimit === undefined ? undefined : checkSettings('rateLimit', options.rateLimit),
    streamIdleTimeout: checkNumber('streamIdleTimeout', options.streamIdleTimeout),
    defaultHeaders: checkDefaultHeaders(options.defaultHeaders),
    defaultQuery: options.defaultQuery,
    fetch: options.fetch,
    transport: options.transport,
    middleware: Object.freeze([...(options.middleware ?? [])]),
    logger: options.logger,
    logLevel: options.logLevel,
    logBodies: options.logBodies ?? false,
    hooks: checkSettings('hooks', options.hooks ?? {}),
    validateResponses: options.validateResponses ?? false,
  });
}
