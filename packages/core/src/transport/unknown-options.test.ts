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
