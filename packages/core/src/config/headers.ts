/**
 * Header helpers, and the one place where sensitive headers are redacted before anything
 * (a log line, an error, response metadata) shows them.
 */
import { REDACTED_TEXT } from './api-key.js';
import { isObject } from './is-object.js';

/** Headers that never leave this library unredacted (DESIGN §6). */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'x-api-key',
  'api-key',
  'openai-organization',
  'openai-project',
  'cookie',
  'set-cookie',
  'proxy-authorization',
]);

/** Anything a caller may pass as headers; `undefined`/`null` values remove a header. */
export type HeadersInput =
  | Headers
  | Record<string, string | undefined | null>
  | Array<[string, string]>;

/** An HTTP field name, and a field value fetch can send (no CR, LF or NUL; Latin-1 only). */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * What is wrong with a header set, or `undefined` when every name and value can be sent.
 * Callers turn the answer into their own typed error (configuration or validation).
 */
export function headerProblem(headers: HeadersInput): string | undefined {
  if (!isObject(headers)) return 'headers must be an object';
  const entries = headers instanceof Headers ? [...headers] : Array.isArray(headers) ? headers : Object.entries(headers);
  for (const entry of entries) {
    if (Array.isArray(entry) && entry.length !== 2) return `each header must be a [name, value] pair, got ${entry.length} item(s)`;
    const [name, value] = entry;
    if (typeof name !== 'string' || !FIELD_NAME.test(name)) return `${JSON.stringify(name)} is not a valid header name`;
    if (value !== undefined && value !== null && (typeof value !== 'string' || !FIELD_VALUE.test(value))) {
      return `the value of ${JSON.stringify(name)} has a character a header cannot carry (CR, LF, NUL or non-Latin-1)`;
    }
  }
  return undefined;
}

/** Merges header sets left to right; later sets win, `null`/`undefined` values delete. */
export function mergeHeaders(...sets: Array<HeadersInput | undefined>): Headers {
  const merged = new Headers();
  for (const set of sets) {
    if (set === undefined) continue;
    const entries = set instanceof Headers || Array.isArray(set) ? [...new Headers(set)] : Object.entries(set);
    for (const [name, value] of entries) {
      if (value === undefined || value === null) merged.delete(name);
      else merged.set(name, value);
    }
  }
  return merged;
}

/**
 * A plain object of the headers with every sensitive value replaced by `[REDACTED]`, and, with
 * `secret`, the key redacted wherever else it appears (a gateway header, a server's echo).
 */
export function redactHeaders(headers: Headers | Record<string, string>, secret?: { redactIn(text: string): string }): Record<string, string> {
  const redacted: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    redacted[lower] = SENSITIVE_HEADERS.has(lower) ? REDACTED_TEXT : secret ? secret.redactIn(value) : value;
  }
  return redacted;
}
