/** A misspelled option fails loudly, naming the option that was meant, instead of being ignored. */
import { useMockApi } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { mockCore, TEST_API_KEY } from '../../test/helpers.js';
import { closestName } from '../config/closest-name.js';
import { ConfigurationError, createOpenAICore, type ClientOptions } from '../index.js';

const api = useMockApi();

describe('unknown options', () => {
  it.each([
    ['baseURL', 'baseUrl'],
    ['maxRetry', 'maxRetries'],
    ['organization', 'organizationId'],
    ['timeOut', 'timeout'],
  ])('refuses the client option %s, suggesting %s', (name, meant) => {
    let error: unknown;
    try {
      createOpenAICore({ apiKey: TEST_API_KEY, [name]: 'x' } as ClientOptions);
    } catch (caught) {
      error = caught;
    }
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`did you mean "${meant}"?`);
  });

  it('rejects an unknown request option without sending, naming the one that was meant', async () => {
    const error = await mockCore().get('/models', {}, { timout: 5 } as never).catch((caught: unknown) => caught);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('did you mean "timeout"?');
    expect(api.calls).toHaveLength(0);
  });

  it('lists the known names when nothing is close', () => {
    expect(closestName('zzzzzzzz', ['baseUrl', 'timeout'])).toBeUndefined();
    expect(() => createOpenAICore({ apiKey: TEST_API_KEY, somethingElse: 1 } as ClientOptions)).toThrow(/known: apiKey, /);
  });
});

describe('nested options', () => {
  it.each([
    [{ rateLimit: { requestPerMinute: 1 } }, 'did you mean "rateLimit.requestsPerMinute"?'],
    [{ retry: { maxRetryAfterMs: 5_000 } }, 'did you mean "retry.maxRetryAfter"?'],
    [{ circuitBreaker: { failureTreshold: 1 } }, 'did you mean "circuitBreaker.failureThreshold"?'],
    [{ retry: { budget: { maxToken: 3 } } }, 'did you mean "retry.budget.maxTokens"?'],
    [{ hooks: { metric: {} } }, 'did you mean "hooks.metrics"?'],
    [{ rateLimit: { tokensPerMinute: '1000' } }, 'rateLimit.tokensPerMinute must be a finite number'],
    [{ retry: { jitter: 5 } }, 'retry.jitter must be between 0 and 1'],
    [{ rateLimit: { requestsPerMinute: 60, burst: 0 } }, 'rateLimit.burst must be above 0'],
  ] as const)('refuses %j at construction', (options, message) => {
    expect(() => createOpenAICore({ apiKey: TEST_API_KEY, ...(options as ClientOptions) })).toThrow(message);
  });

  it.each([
    [{ retry: { maxRetryAfter: Number.NaN } }, 'options.retry'],
    [{ retry: { initialBackoffMs: Number.NaN } }, 'options.retry'],
    [{ retry: { fooBar: 1 } }, 'options.retry'],
    [{ rateLimit: { estimatedTokens: Number.NaN } }, 'options.rateLimit'],
    [{ rateLimit: { estimatedTokes: 5 } }, 'options.rateLimit'],
    [{ idempotencyKey: 'a\nb' }, 'options.idempotencyKey'],
    [{ idempotencyKey: 'key\u200B' }, 'options.idempotencyKey'],
    [{ headers: [['x-a']] }, 'options.headers'],
  ])('rejects the per-call options %j as a validation error, sending nothing', async (options, path) => {
    await expect(mockCore().get('/models', {}, options as never)).rejects.toMatchObject({ kind: 'validation', issues: [{ path }] });
    expect(api.calls).toHaveLength(0);
  });
});
