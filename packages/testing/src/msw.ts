/**
 * The same mock as msw handlers, for unit tests that fake `fetch` instead of opening sockets.
 * msw is an optional peer dependency; import this subpath only where msw is installed.
 */
import { http, type HttpHandler } from 'msw';
import { createMockOpenAI, type MockOpenAI, type MockOpenAIOptions } from './mock-openai.js';

/**
 * msw handlers answering `baseUrl` like the mock server does, plus the mock to script them.
 *
 * @example
 * const { handlers, mock } = createMockHandlers({ baseUrl: 'https://api.openai.com/v1' });
 * const server = setupServer(...handlers);
 * mock.chat.reply('Hello!');
 */
export function createMockHandlers(options: MockOpenAIOptions & { baseUrl?: string } = {}): { handlers: HttpHandler[]; mock: MockOpenAI } {
  const baseUrl = (options.baseUrl ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
  const mock = createMockOpenAI({ ...options, basePath: new URL(baseUrl).pathname });
  return { handlers: [http.all(`${baseUrl}/*`, ({ request }) => mock.handle(request))], mock };
}
