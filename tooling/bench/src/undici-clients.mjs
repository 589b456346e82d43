// "Ours on undici" (@integrations/openai-chat through @integrations/openai-undici) and a raw
// undici floor (undici's `request()` on a pool with the same settings, no client around it),
// for the chat and stream measures of main.mjs.
import { createChatService } from '@integrations/openai-chat';
import { undiciTransport } from '@integrations/openai-undici';
import { Agent } from 'undici';
import { countRawSseEvents } from './raw-sse.mjs';

/**
 * The undici clients' tasks, each shaped like main.mjs's: `chat()` resolves with a parsed
 * completion, `stream()` with the number of chunks read.
 */
export function undiciClients({ apiKey, baseUrl, params }) {
  const transport = undiciTransport();
  const ours = createChatService({ apiKey, baseUrl, logLevel: 'off', transport });
  const pool = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
  const { origin, pathname } = new URL(baseUrl);
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const rawPost = (path, body) => pool.request({ origin, path: `${pathname}${path}`, method: 'POST', headers, body: JSON.stringify(body) });

  return {
    chat: () => ours.create(params),
    chatFloor: () => rawPost('/chat/completions', params).then((response) => response.body.json()),
    async stream() {
      let count = 0;
      for await (const _chunk of ours.createStream(params)) count++;
      return count;
    },
    // The same raw SSE loop as the fetch floor (raw-sse.mjs), over undici's body.
    async streamFloor() {
      const { body } = await rawPost('/chat/completions', { ...params, stream: true });
      return countRawSseEvents(body);
    },
    close: () => Promise.all([transport.close(), pool.close()]),
  };
}
