/**
 * The shapes of the nested settings (`retry`, `circuitBreaker`, `rateLimit`, `hooks`, and their
 * per-call forms): every key known, every value of its kind and range. A misspelt
 * `rateLimit.requestPerMinute` would otherwise turn the limiter off without a word, and a NaN
 * would turn a bucket or a backoff into nothing.
 */
import { unknownNameMessage } from './closest-name.js';
import { isObject } from './is-object.js';

/** The longest delay `setTimeout` can hold; a larger one fires after about 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a value must be. */
type Rule =
  | 'ms' // a duration a timer can hold: 0 ≤ x ≤ 2³¹−1
  | 'timeout' // a timeout a timer can hold: 0 < x ≤ 2³¹−1
  | 'positive' // a finite number above 0
  | 'whole' // an integer ≥ 0
  | 'atLeastOne' // an integer ≥ 1
  | 'fraction' // 0 ≤ x ≤ 1
  | 'burst' // 0 < x ≤ 1
  | 'factor' // a finite number ≥ 1
  | 'boolean'
  | 'object'
  | Shape;

/** The rule of each key of a settings object. */
export interface Shape {
  readonly [key: string]: Rule;
}

const RETRY: Shape = { initialBackoffMs: 'ms', multiplier: 'factor', jitter: 'fraction', maxBackoffMs: 'ms', maxRetryAfter: 'ms' };

/** The client's nested settings. */
export const CLIENT_SHAPES = {
  retry: { ...RETRY, budget: { maxTokens: 'whole', refundPerSuccess: 'fraction' } },
  circuitBreaker: { failureThreshold: 'atLeastOne', successThreshold: 'atLeastOne', failureWindowMs: 'ms', recoveryTimeoutMs: 'ms', perEndpoint: 'boolean' },
  rateLimit: {
    requestsPerMinute: 'positive', tokensPerMinute: 'positive', requestsPerDay: 'positive', tokensPerDay: 'positive',
    maxQueueSize: 'whole', queueTimeoutMs: 'ms', autoAdjust: 'boolean', store: 'object', burst: 'burst',
  },
  hooks: { metrics: 'object', tracing: 'object', deprecation: 'object', retry: 'object', circuitBreaker: 'object', rateLimit: 'object' },
} as const satisfies Record<string, Shape>;

/** A call's own `retry` and `rateLimit` options. */
export const CALL_SHAPES = {
  retry: RETRY,
  rateLimit: { estimatedTokens: 'whole' },
} as const satisfies Record<string, Shape>;

type NumberRule = Exclude<Rule, Shape | 'boolean' | 'object'>;

/** Each numeric rule: the test a value must pass, and what the message says it must be. */
const NUMBER_RULES: Record<NumberRule, [passes: (value: number) => boolean, wanted: string]> = {
  ms: [(value) => value >= 0 && value <= MAX_TIMER_MS, `between 0 and ${MAX_TIMER_MS} ms`],
  timeout: [(value) => value > 0 && value <= MAX_TIMER_MS, `above 0 and at most ${MAX_TIMER_MS} ms`],
  positive: [(value) => value > 0, 'above 0'],
  whole: [(value) => Number.isInteger(value) && value >= 0, 'a whole number >= 0'],
  atLeastOne: [(value) => Number.isInteger(value) && value >= 1, 'a whole number >= 1'],
  fraction: [(value) => value >= 0 && value <= 1, 'between 0 and 1'],
  burst: [(value) => value > 0 && value <= 1, 'above 0 and at most 1 (a fraction of a minute)'],
  factor: [(value) => value >= 1, 'at least 1'],
};

/**
 * What is wrong with one value for `rule` (a sentence without the name), or `undefined`.
 *
 * @example
 * valueProblem(-1, 'timeout'); // 'must be above 0 and at most 2147483647 ms, got -1'
 */
export function valueProblem(value: unknown, rule: Exclude<Rule, Shape>): string | undefined {
  if (rule === 'boolean') return typeof value === 'boolean' ? undefined : 'must be true or false';
  if (rule === 'object') return isObject(value) ? undefined : 'must be an object';
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a finite number, got ${typeof value === 'number' ? String(value) : typeof value}`;
  const [passes, wanted] = NUMBER_RULES[rule];
  return passes(value) ? undefined : `must be ${wanted}, got ${value}`;
}

/**
 * What is wrong with `settings` for `shape` (the first problem, with its path), or `undefined`.
 * Unset (`undefined`) values are fine: they take the default.
 *
 * @example
 * settingsProblem('rateLimit', { requestPerMinute: 1 }, CLIENT_SHAPES.rateLimit);
 * // 'Unknown option "rateLimit.requestPerMinute"; did you mean "requestsPerMinute"?'
 */
export function settingsProblem(path: string, settings: unknown, shape: Shape): string | undefined {
  if (!isObject(settings) || Array.isArray(settings)) return `${path} must be an object`;
  const known = Object.keys(shape);
  for (const [key, value] of Object.entries(settings)) {
    const rule = shape[key];
    if (rule === undefined) return unknownNameMessage('option', `${path}.${key}`, known.map((name) => `${path}.${name}`));
    if (value === undefined) continue;
    const problem = typeof rule === 'object' ? (value === false ? undefined : settingsProblem(`${path}.${key}`, value, rule)) : valueProblem(value, rule);
    if (problem !== undefined) return typeof rule === 'object' ? problem : `${path}.${key} ${problem}`;
  }
  return undefined;
}
