/** Test helpers: the testing package's mock, served through msw for unit tests. */
import { createMockHandlers } from '@integrations/openai-testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createChatService } from '../src/index.js';
import type { ClientOptions } from '@integrations/openai-core';

export const BASE_URL = 'https://mock-openai.test/v1';

/** Serves the mock OpenAI API through msw for this test file and returns it. */
export function useMockOpenAI() {
  const { handlers, mock } = createMockHandlers({ baseUrl: BASE_URL });
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => mock.reset());
  afterAll(() => server.close());
  return mock;
}

/** A chat service against the msw mock, with retries off so each test sees one attempt. */
export function mockChat(options: ClientOptions = {}) {
  return createChatService({ apiKey: 'sk-test', baseUrl: BASE_URL, maxRetries: 0, logLevel: 'off', ...options });
}

/** What `run` threw. */
export async function caught<T = Error & Record<string, unknown>>(run: () => unknown): Promise<T> {
  try {
    await run();
  } catch (error) {
    return error as T;
  }
  throw new Error('expected the call to throw');
}
