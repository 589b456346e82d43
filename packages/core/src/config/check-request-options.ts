/**
 * Per-call options are checked like client options: an unknown name is a `ConfigurationError`
 * naming the closest known one; a bad value is a validation error (the call is wrong): an object, finite whole-millisecond timeouts a timer can
 * hold, a whole number of retries, and a real signal.
 */
import { unknownNameMessage } from './closest-name.js';
import { ConfigurationError, RequestError } from '../errors/errors.js';
import { headerProblem } from './headers.js';
import { CALL_SHAPES, settingsProblem, valueProblem } from './settings-shapes.js';
import type { RequestOptions } from '../transport/request-spec.js';
import { isObject } from './is-object.js';

/** Every per-call option; an object literal typed by `RequestOptions` keeps this list honest. */
const REQUEST_OPTIONS = Object.keys({
  signal: 0, timeout: 0, maxRetries: 0, headers: 0, idempotencyKey: 0, onUploadProgress: 0, retry: 0,
  streamIdleTimeout: 0, rateLimit: 0, circuitBreaker: 0,
} satisfies Record<keyof RequestOptions, 0>);

function invalid(path: string, message: string): RequestError {
  return new RequestError({ kind: 'validation', message: `${path} ${message}`, issues: [{ path, message }] });
}

/**
 * Throws a validation error for bad per-call options; returns them (or `{}`) when fine.
 *
 * @example
 * const checked = checkRequestOptions(options);
 */
export function checkRequestOptions(options: unknown): RequestOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw invalid('options', `must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`);
  const checked = options as RequestOptions;
  for (const name of Object.keys(checked)) {
    if (!REQUEST_OPTIONS.includes(name)) throw new ConfigurationError({ kind: 'invalid_option', message: unknownNameMessage('request option', name, REQUEST_OPTIONS) });
  }
  for (const name of ['timeout', 'streamIdleTimeout', 'maxRetries'] as const) {
    const value = checked[name];
    const problem = value === undefined ? undefined : valueProblem(value, name === 'maxRetries' ? 'whole' : 'timeout');
    if (problem !== undefined) throw invalid(`options.${name}`, problem);
  }
  for (const name of ['retry', 'rateLimit'] as const) {
    const value = checked[name];
    if (value === undefined || (name === 'rateLimit' && value === false)) continue;
    const problem = settingsProblem(`options.${name}`, value, CALL_SHAPES[name]);
    if (problem !== undefined) throw invalid(`options.${name}`, problem.replace(/^options\.\w+ /, ''));
  }
  if (checked.circuitBreaker !== undefined && checked.circuitBreaker !== false) throw invalid('options.circuitBreaker', 'must be false (to bypass the breaker) or left out');
  const key = checked.idempotencyKey as unknown;
  if (key !== undefined && (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key))) {
    throw invalid('options.idempotencyKey', 'must be 1-255 printable ASCII characters without spaces (it is sent as a header)');
  }
  const headerIssue = checked.headers === undefined ? undefined : headerProblem(checked.headers);
  if (headerIssue !== undefined) throw invalid('options.headers', headerIssue);
  const signal = checked.signal as unknown;
  if (signal !== undefined && !(isObject(signal) && typeof (signal as AbortSignal).addEventListener === 'function' && 'aborted' in signal)) {
    throw invalid('options.signal', 'must be an AbortSignal');
  }
  return checked;
}
