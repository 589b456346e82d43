import { describe, expect, it } from 'vitest';
import { ApiKey } from '../config/api-key.js';
import { createResponseMeta } from './response-meta.js';

const apiKey = new ApiKey('sk-meta-secret-0123456789');

function meta() {
  const headers = new Headers({
    'x-request-id': 'req_1',
    'set-cookie': 'session=abc',
    'x-echo': 'Bearer sk-meta-secret-0123456789',
    'x-ratelimit-limit-requests': '500',
    'x-ratelimit-remaining-requests': '499',
  });
  return createResponseMeta({ status: 200, headers }, 2, 15, apiKey);
}

describe('response metadata', () => {
  it('shows redacted headers and rate limits when spread or serialized, like plain data', () => {
    const expected = {
      requestId: 'req_1',
      status: 200,
      headers: {
        'x-request-id': 'req_1',
        'set-cookie': '[REDACTED]',
        'x-echo': 'Bearer [REDACTED]',
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-remaining-requests': '499',
      },
      rateLimit: { limitRequests: 500, remainingRequests: 499 },
      attempts: 2,
      durationMs: 15,
    };
    expect({ ...meta() }).toEqual(expected);
    expect(JSON.parse(JSON.stringify(meta()))).toEqual(expected);
    expect(Object.keys(meta())).toEqual(['requestId', 'status', 'headers', 'rateLimit', 'attempts', 'durationMs']);
  });

  it('returns the same headers and rate-limit objects on every read', () => {
    const value = meta();
    expect(value.headers).toBe(value.headers);
    expect(value.rateLimit).toBe(value.rateLimit);
  });
});

describe('response metadata, as a user handles it', () => {
  it('prints its values with util.inspect (console.log), not getters', async () => {
    const { inspect } = await import('node:util');
    const printed = inspect(meta(), { depth: 3 });
    expect(printed).toContain("'x-ratelimit-limit-requests': '500'");
    expect(printed).toContain('limitRequests: 500');
    expect(printed).not.toContain('Getter');
    expect(printed).not.toContain('sk-meta-secret');
  });

  it('takes an assignment to headers or rateLimit, before or after a read', () => {
    const value = meta();
    value.headers = { replaced: 'yes' };
    expect(value.headers).toEqual({ replaced: 'yes' });
    const other = meta();
    void other.rateLimit;
    other.rateLimit = {};
    expect(other.rateLimit).toEqual({});
  });

  it('leads nowhere to the API key or the raw headers, whatever reflection is used', () => {
    const reached: unknown[] = [];
    const walk = (value: unknown, depth: number): void => {
      if (depth > 4 || value === null || (typeof value !== 'object' && typeof value !== 'function')) return reached.push(value) as never;
      for (const key of Reflect.ownKeys(value as object)) {
        const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
        if ('value' in descriptor) walk(descriptor.value, depth + 1);
      }
    };
    const unread = meta();
    expect(Object.getOwnPropertySymbols(unread)).toEqual([Symbol.for('nodejs.util.inspect.custom')]);
    walk(unread, 0);
    const text = JSON.stringify(reached.map(String));
    expect(text).not.toContain('sk-meta-secret');
    expect(text).not.toContain('session=abc');
  });

  it('reads its headers when frozen first, as a store that deep-freezes its state does', () => {
    const frozen = Object.freeze(meta());
    expect(frozen.headers['set-cookie']).toBe('[REDACTED]');
    expect(frozen.rateLimit.limitRequests).toBe(500);
  });

  it('reads its headers through a copy of its accessors (a descriptor-copying clone)', () => {
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(meta())) as ReturnType<typeof meta>;
    expect(copy.headers['x-request-id']).toBe('req_1');
    expect(Reflect.get(meta(), 'rateLimit', {})).toEqual({ limitRequests: 500, remainingRequests: 499 });
  });
});
