/**
 * Response metadata for any object a method returned: request id, status, redacted headers,
 * rate-limit state, attempts and duration. Kept in a WeakMap so results stay plain data.
 */
import { parseDuration } from '../resilience/duration.js';
import { redactHeaders } from '../config/headers.js';

/** Rate-limit state read from `x-ratelimit-*` headers. */
export interface RateLimitInfo {
  limitRequests?: number;
  remainingRequests?: number;
  resetRequestsMs?: number;
  limitTokens?: number;
  remainingTokens?: number;
  resetTokensMs?: number;
}

/** What `getResponseMeta(result)` returns. */
export interface ResponseMeta {
  requestId: string | undefined;
  status: number;
  /** Response headers, lower-cased, with cookies and credentials redacted. */
  headers: Record<string, string>;
  rateLimit: RateLimitInfo;
  /** How many HTTP attempts the call took (1 when the first succeeded). */
  attempts: number;
  durationMs: number;
}

/**
 * One map for every installed copy of core (under a `Symbol.for` key on `globalThis`), so
 * `getResponseMeta` from one copy reads results made by another.
 */
const metaByResult: WeakMap<object, ResponseMeta> = ((globalThis as Record<symbol, unknown>)[Symbol.for('@integrations/openai-core/response-meta')] ??= new WeakMap()) as WeakMap<object, ResponseMeta>;

/**
 * A plain decimal number, nothing else: `Number()` would also read `0x10` as 16, `1e3` as
 * 1000 and `Infinity`, and a header is not code.
 */
function toNumber(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

/** Reads the `x-ratelimit-*` headers; absent headers stay absent. */
export function parseRateLimitHeaders(headers: Headers): RateLimitInfo {
  const info: RateLimitInfo = {
    limitRequests: toNumber(headers.get('x-ratelimit-limit-requests')),
    remainingRequests: toNumber(headers.get('x-ratelimit-remaining-requests')),
    resetRequestsMs: parseDuration(headers.get('x-ratelimit-reset-requests')),
    limitTokens: toNumber(headers.get('x-ratelimit-limit-tokens')),
    remainingTokens: toNumber(headers.get('x-ratelimit-remaining-tokens')),
    resetTokensMs: parseDuration(headers.get('x-ratelimit-reset-tokens')),
  };
  for (const key of Object.keys(info) as Array<keyof RateLimitInfo>) {
    if (info[key] === undefined) delete info[key];
  }
  return info;
}

/**
 * The wait the server asked for: `retry-after-ms`, then `retry-after` in seconds or as an
 * HTTP date. `undefined` when there is no usable hint.
 */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const milliseconds = toNumber(headers.get('retry-after-ms'));
  if (milliseconds !== undefined && milliseconds >= 0) return milliseconds;
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null) return undefined;
  const seconds = toNumber(retryAfter);
  if (seconds !== undefined) return seconds >= 0 ? seconds * 1000 : undefined;
  // An HTTP date names its weekday or month ("Thu, 01 Jan 2026 00:00:05 GMT"); Date.parse alone
  // would also take "-5" or "2026" as a date.
  const date = /[A-Za-z]{3}/.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Builds the metadata of one response. `headers` and `rateLimit` are worked out on first read:
 * redacting every header costs more than the rest of a call's bookkeeping, and most results
 * never have their metadata read. Each is an accessor that, once read or assigned, becomes a
 * plain data property; spreading, `JSON.stringify` and `console.log` (through Node's inspect
 * hook) show the values like any other field.
 */
export function createResponseMeta(response: Pick<Response, 'status' | 'headers'>, attempts: number, durationMs: number, secret?: { redactIn(text: string): string }): ResponseMeta {
  const source = response.headers;
  const meta = { requestId: source.get('x-request-id') ?? undefined, status: response.status } as ResponseMeta;
  lazyField(meta, 'headers', () => redactHeaders(source, secret));
  lazyField(meta, 'rateLimit', () => parseRateLimitHeaders(source));
  meta.attempts = attempts;
  meta.durationMs = durationMs;
  // Node's util.inspect shows accessors as `[Getter/Setter]`: show the values instead.
  Object.defineProperty(meta, INSPECT, INSPECT_VALUES);
  return meta;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Defines `key` on `target` as computed on first read, then kept as an ordinary writable field.
 * The response (and the key that redacts it) stays in this closure, never on the object: a
 * result's metadata must not lead anyone to the raw headers or the API key. A copy of the
 * accessor (a descriptor-copying clone) reads the same response.
 */
function lazyField<K extends 'headers' | 'rateLimit'>(target: ResponseMeta, key: K, compute: () => ResponseMeta[K]): void {
  const settle = (value: ResponseMeta[K]) => {
    // A frozen metadata object (a store that deep-freezes its state) cannot keep the value: it
    // is computed on each read instead.
    Reflect.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(target, key, {
    get: () => settle(compute()),
    set: (value: ResponseMeta[K]) => void settle(value),
    enumerable: true,
    configurable: true,
  });
}

const INSPECT_VALUES: PropertyDescriptor = {
  value(this: ResponseMeta) {
    return { ...this };
  },
};

/** Links `meta` to a result object (no-op for primitives). */
export function attachResponseMeta<T>(result: T, meta: ResponseMeta): T {
  if (typeof result === 'object' && result !== null) metaByResult.set(result, meta);
  return result;
}

/**
 * The metadata of the response that produced `result`, or `undefined` for an object that
 * did not come from a request.
 *
 * @example
 * const completion = await chat.create(params);
 * const { requestId, rateLimit, attempts } = getResponseMeta(completion)!;
 */
export function getResponseMeta(result: unknown): ResponseMeta | undefined {
  return typeof result === 'object' && result !== null ? metaByResult.get(result) : undefined;
}
