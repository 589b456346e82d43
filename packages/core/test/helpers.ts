/** Small helpers for core's own tests. */
import { MOCK_BASE_URL } from '@integrations/test-kit';
import { createOpenAICore, type ClientOptions } from '../src/index.js';

/** A key that is easy to search for in any output. */
export const TEST_API_KEY = 'sk-test-SECRET-4f9a2c7e1b';

/** A core pointed at the msw mock API. */
export function mockCore(options: ClientOptions = {}) {
  return createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: MOCK_BASE_URL, logLevel: 'off', ...options });
}

/** Runs `run` and returns what it threw (fails if nothing was thrown). */
export async function caught<T = unknown>(run: () => unknown): Promise<T> {
  try {
    await run();
  } catch (error) {
    return error as T;
  }
  throw new Error('expected the call to throw, but it returned');
}
