import { describe, expect, it } from 'vitest';
import { parseDuration } from '../resilience/duration.js';
import { parseRateLimitHeaders, parseRetryAfter } from './response-meta.js';

describe('Go durations from x-ratelimit-reset-*', () => {
  it.each([
    ['1s', 1_000], ['6m0s', 360_000], ['20ms', 20], ['1.5s', 1_500], ['1h2m3.5s', 3_723_500], ['0s', 0], ['2', 2_000], ['250us', 0.25],
  ])('parses %s as %d ms', (text, expected) => {
    expect(parseDuration(text)).toBeCloseTo(expected);
  });

  it.each(['', 'soon', '5 minutes', '1x', 's1'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('rate-limit and retry headers', () => {
  it('reads every x-ratelimit header and leaves absent ones out', () => {
    const headers = new Headers({
      'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '499', 'x-ratelimit-reset-requests': '120ms',
      'x-ratelimit-limit-tokens': '30000', 'x-ratelimit-remaining-tokens': '29000', 'x-ratelimit-reset-tokens': '2s',
    });
    expect(parseRateLimitHeaders(headers)).toEqual({ limitRequests: 500, remainingRequests: 499, resetRequestsMs: 120, limitTokens: 30_000, remainingTokens: 29_000, resetTokensMs: 2_000 });
    expect(parseRateLimitHeaders(new Headers({ 'x-ratelimit-limit-tokens': '10' }))).toEqual({ limitTokens: 10 });
  });

  it('prefers retry-after-ms, then retry-after seconds, then an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after': '2' }), now)).toBe(2_000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5_000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'whenever' }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
  });

  it.each(['0x10', '1e3', 'Infinity', '-5', '2 seconds'])('ignores retry-after %j instead of reading it as code', (value) => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': value }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': value }), now)).toBeUndefined();
  });
});
