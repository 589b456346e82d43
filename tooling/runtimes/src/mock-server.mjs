// The mock OpenAI server, always in this Node process (it needs node:http): the packed
// `@integrations/openai-testing` from the scratch project, with faults chosen by message text.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MARKERS, RETRY_AFTER_MS } from '../smoke/markers.mjs';

/**
 * Starts a fresh server for one runtime (so a stalled request of one cannot touch the next).
 *
 * @example
 * const server = await startSmokeServer(app);
 * // ... server.baseUrl ...
 * await server.close();
 */
export async function startSmokeServer(app) {
  const entry = createRequire(join(app, 'package.json')).resolve('@integrations/openai-testing');
  const { apiError, startMockServer } = await import(pathToFileURL(entry).href);
  const server = await startMockServer({ host: '127.0.0.1' });
  server.faults.when((request) => {
    const text = request.json?.messages?.at?.(-1)?.content;
    if (text === MARKERS.stall) return { stall: true };
    if (text === MARKERS.rateLimit) {
      return {
        status: 429,
        headers: { 'retry-after-ms': String(RETRY_AFTER_MS), 'x-ratelimit-remaining-requests': '0' },
        body: apiError('Rate limit reached for requests', 'requests', 'rate_limit_exceeded'),
      };
    }
    return undefined;
  });
  return server;
}
