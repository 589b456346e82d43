/**
 * The testing package's mock OpenAI API served through msw, for domain packages' unit tests:
 * the same engine as the loopback server, without sockets.
 */
import type { MockOpenAI } from '@integrations/openai-testing';
import { createMockHandlers } from '@integrations/openai-testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** The base URL the msw mock answers on. */
export const MOCK_OPENAI_URL = 'https://mock-openai.test/v1';

/** Client options for the mock: a test key, retries off (one attempt per call), quiet logs. */
export const MOCK_CLIENT_OPTIONS = { apiKey: 'sk-test', baseUrl: MOCK_OPENAI_URL, maxRetries: 0, logLevel: 'off' } as const;

/**
 * Serves the mock for this test file (listen, reset after each test, close) and returns it,
 * to script replies and faults and to read recorded requests.
 *
 * @example
 * const mock = useMockOpenAI();
 * mock.chat.reply('Hi!');
 */
export function useMockOpenAI(): MockOpenAI {
  const { handlers, mock } = createMockHandlers({ baseUrl: MOCK_OPENAI_URL });
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => mock.reset());
  afterAll(() => server.close());
  return mock;
}

/** Runs `run` and returns what it threw; fails the test if it did not throw. */
export async function caught<T = Error & Record<string, unknown>>(run: () => unknown): Promise<T> {
  try {
    await run();
  } catch (error) {
    return error as T;
  }
  throw new Error('expected the call to throw, but it returned');
}
