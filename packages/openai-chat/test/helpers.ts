/** Chat test helpers over the shared msw mock. */
import type { ClientOptions } from '@integrations/openai-core';
import { MOCK_CLIENT_OPTIONS } from '@integrations/test-kit';
import { createChatService } from '../src/index.js';

export { caught, useMockOpenAI } from '@integrations/test-kit';

/** A chat service against the msw mock, one attempt per call. */
export function mockChat(options: ClientOptions = {}) {
  return createChatService({ ...MOCK_CLIENT_OPTIONS, ...options });
}
