import { describe, expect, it, vi } from 'vitest';
import { NetworkError, OpenAIError, RateLimitError, ServerError } from './errors.js';

describe('error hierarchy', () => {
  it('gives every error a category, kind, code and retryable flag', () => {
    const error = new RateLimitError({ kind: 'too_many_requests', message: 'slow down', retryable: true, status: 429, retryAfterMs: 1500 });
    expect(error).toBeInstanceOf(OpenAIError);
    expect(error).toMatchObject({ name: 'RateLimitError', category: 'rate_limit', kind: 'too_many_requests', errorCode: 'OPENAI_RATE_LIMIT', retryable: true, status: 429, retryAfterMs: 1500 });
  });

  it('recognises errors from another installed copy of core through isInstance', async () => {
    vi.resetModules();
    const otherCopy = await import('./errors.js');
    expect(otherCopy.RateLimitError).not.toBe(RateLimitError);
    const foreign = new otherCopy.RateLimitError({ kind: 'too_many_requests', message: 'x' });
    expect(foreign instanceof RateLimitError).toBe(false);
    expect(RateLimitError.isInstance(foreign)).toBe(true);
    expect(OpenAIError.isInstance(foreign)).toBe(true);
    expect(ServerError.isInstance(foreign)).toBe(false);
  });

  it('rejects look-alikes that lack the brand', () => {
    expect(OpenAIError.isInstance({ category: 'network', kind: 'timeout' })).toBe(false);
    expect(OpenAIError.isInstance(new Error('plain'))).toBe(false);
    expect(OpenAIError.isInstance(null)).toBe(false);
  });

  it('keeps the API code in `code` (as the official SDK does) and our category code in `errorCode`', () => {
    const error = new RateLimitError({ kind: 'quota_exceeded', message: 'quota', status: 429, code: 'insufficient_quota' });
    expect(error.code).toBe('insufficient_quota');
    expect(error.errorCode).toBe('OPENAI_QUOTA_EXCEEDED');
    expect(error.serverCode).toBe('insufficient_quota');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'insufficient_quota', errorCode: 'OPENAI_QUOTA_EXCEEDED' });
  });

  it('serializes to a plain object without headers or causes', () => {
    const error = new NetworkError({ kind: 'timeout', message: 'slow', timeoutKind: 'request', headers: { 'set-cookie': 'x' }, cause: new Error('inner') });
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'NetworkError', message: 'slow', category: 'network', kind: 'timeout', errorCode: 'OPENAI_TIMEOUT', retryable: false, timeoutKind: 'request' });
  });
});
