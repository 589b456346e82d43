// Our own CPU per stream chunk with the network taken out: a fetch that answers a prebuilt SSE
// body from memory in 64 KiB reads, against the same body split and parsed by hand.
// `node [--cpu-prof] tooling/bench/src/profile-stream-overhead.mjs`
import { createChatService } from '@integrations/openai-chat';
import { countRawSseEvents } from './raw-sse.mjs';

const CHUNKS = 2000;
const chunk = (delta, finish = null) => `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1767225600, model: 'gpt-4o-mini', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
const bytes = new TextEncoder().encode(chunk({ role: 'assistant', content: '' }) + Array.from({ length: CHUNKS - 2 }, (_, index) => chunk({ content: `tok${index} ` })).join('') + chunk({}, 'stop') + 'data: [DONE]\n\n');
const body = () => new ReadableStream({
  start(controller) {
    for (let offset = 0; offset < bytes.byteLength; offset += 65536) controller.enqueue(bytes.subarray(offset, offset + 65536));
    controller.close();
  },
});
const fetch = async () => new Response(body(), { headers: { 'content-type': 'text/event-stream' } });
const chat = createChatService({ apiKey: 'sk-bench', baseUrl: 'http://127.0.0.1:9/v1', logLevel: 'off', fetch });
const params = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };

async function ours() {
  let count = 0;
  for await (const _chunk of chat.createStream(params)) count++;
  return count;
}
async function floor() {
  const response = await fetch();
  return countRawSseEvents(response.body);
}
async function cpuPerChunk(task, runs) {
  for (let index = 0; index < 20; index++) await task();
  const before = process.cpuUsage();
  for (let index = 0; index < runs; index++) if ((await task()) !== CHUNKS) throw new Error('lost chunks');
  const used = process.cpuUsage(before);
  return (used.user + used.system) / runs / CHUNKS;
}
for (let round = 0; round < 3; round++) {
  const mine = await cpuPerChunk(ours, 60);
  const base = await cpuPerChunk(floor, 60);
  console.log(`ours ${mine.toFixed(2)} µs, floor ${base.toFixed(2)} µs per chunk: ${(mine / base).toFixed(2)}x`);
}
