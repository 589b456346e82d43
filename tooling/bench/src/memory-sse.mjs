// A chat stream served from memory, for the profiles that take the network out: 2,000
// `chat.completion.chunk` events plus `[DONE]`, handed over in 64 KiB reads like a socket would.

/** How many data events the body holds, `[DONE]` excluded. */
export const EVENTS = 2000;

const chunk = (delta, finish = null) => `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1767225600, model: 'gpt-4o-mini', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
const bytes = new TextEncoder().encode(chunk({ role: 'assistant', content: '' }) + Array.from({ length: EVENTS - 2 }, (_, index) => chunk({ content: `tok${index} ` })).join('') + chunk({}, 'stop') + 'data: [DONE]\n\n');

/** A fresh web stream of the body, in 64 KiB chunks. */
function body() {
  return new ReadableStream({
    start(controller) {
      for (let offset = 0; offset < bytes.byteLength; offset += 65536) controller.enqueue(bytes.subarray(offset, offset + 65536));
      controller.close();
    },
  });
}

/** A `fetch` that answers every request with the body, as an event stream. */
export const memoryFetch = async () => new Response(body(), { headers: { 'content-type': 'text/event-stream' } });
