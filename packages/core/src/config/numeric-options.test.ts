/**
 * The numeric client and call options (`timeout`, `maxRetries`, `streamIdleTimeout`) are checked by
 * the same rules as the nested settings: a wrong value names the option, the range and the value.
 */
import { describe, expect, it } from 'vitest';
import { checkRequestOptions } from './check-request-options.js';
import { resolveConfig } from './config.js';

describe('numeric client options', () => {
  it.each([
    [{ timeout: 0 }, 'timeout must be above 0 and at most 2147483647 ms, got 0'],
    [{ timeout: 2 ** 31 }, 'timeout must be above 0 and at most 2147483647 ms, got 2147483648'],
    [{ streamIdleTimeout: -5 }, 'streamIdleTimeout must be above 0 and at most 2147483647 ms, got -5'],
    [{ maxRetries: 1.5 }, 'maxRetries must be a whole number >= 0, got 1.5'],
    [{ timeout: '30s' as unknown as number }, 'timeout must be a finite number, got string'],
  ])('refuses %o as a ConfigurationError', (options, message) => {
    expect(() => resolveConfig({ apiKey: 'sk-test', ...options })).toThrow(expect.objectContaining({ name: 'ConfigurationError', kind: 'invalid_option', message }));
  });

  it('keeps a streamIdleTimeout left out undefined, so each call takes the smaller of its timeout and 5 minutes', () => {
    expect(resolveConfig({ apiKey: 'sk-test' }).streamIdleTimeout).toBeUndefined();
    expect(resolveConfig({ apiKey: 'sk-test', timeout: 2 ** 31 - 1, streamIdleTimeout: 1 })).toMatchObject({ timeout: 2 ** 31 - 1, streamIdleTimeout: 1 });
  });
});

describe('numeric call options', () => {
  it.each([
    ['timeout', { timeout: 0 }, 'must be above 0 and at most 2147483647 ms, got 0'],
    ['streamIdleTimeout', { streamIdleTimeout: Number.NaN }, 'must be a finite number, got NaN'],
    ['maxRetries', { maxRetries: -1 }, 'must be a whole number >= 0, got -1'],
  ])('refuses a bad %s as a validation error naming it', (name, options, message) => {
    expect(() => checkRequestOptions(options)).toThrow(expect.objectContaining({
      name: 'RequestError', kind: 'validation', message: `options.${name} ${message}`, issues: [{ path: `options.${name}`, message }],
    }));
  });
});
