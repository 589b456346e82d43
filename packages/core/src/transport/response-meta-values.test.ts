import { describe, expect, it } from 'vitest';
import { attachResponseMeta, createResponseMeta, getResponseMeta, parseRateLimitHeaders, parseRetryAfter } from './response-meta.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('retry hints at their edges', () => {
  it('honours a zero wait from retry-after-ms and from retry-after', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '0', 'retry-after': '9' }), NOW)).toBe(0);
    expect(parseRetryAfter(new Headers({ 'retry-after': '0' }), NOW)).toBe(0);
  });

  it('reads fractional milliseconds', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '12.75' }), NOW)).toBe(12.75);
  });

  it('ignores an ISO timestamp, which is not an HTTP date', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '2026-01-01T00:00:05Z' }), NOW)).toBeUndefined();
  });
});

describe('response metadata', () => {
  it('lists only the rate-limit headers that were sent', () => {
    expect(Object.keys(parseRateLimitHeaders(new Headers({ 'x-ratelimit-remaining-tokens': '7' })))).toEqual(['remainingTokens']);
  });

  it('passes a primitive or null result through without metadata', () => {
    const meta = createResponseMeta({ status: 200, headers: new Headers() }, 1, 5);
    expect(attachResponseMeta('plain text', meta)).toBe('plain text');
    expect(attachResponseMeta(null, meta)).toBeNull();
    const result = attachResponseMeta({ id: 'x' }, meta);
    expect(getResponseMeta(result)).toBe(meta);
  });
});
