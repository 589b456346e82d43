// Our own CPU per stream chunk with the network taken out: a fetch that answers a prebuilt SSE
// body from memory in 64 KiB reads, against the same body split and parsed by hand.
// `node [--cpu-prof] tooling/bench/src/profile-stream-overhead.mjs`
import { createChatService } from '@integrations/openai-chat';
import { EVENTS, memoryFetch } from './memory-sse.mjs';
import { countRawSseEvents } from './raw-sse.mjs';

const chat = createChatService({ apiKey: 'sk-bench', baseUrl: 'http://127.0.0.1:9/v1', logLevel: 'off', fetch: memoryFetch });
const params = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };

async function ours() {
  let count = 0;
  for await (const _chunk of chat.createStream(params)) count++;
  return count;
}
async function floor() {
  const response = await memoryFetch();
  return countRawSseEvents(response.body);
}
async function cpuPerChunk(task, runs) {
  for (let index = 0; index < 20; index++) await task();
  const before = process.cpuUsage();
  for (let index = 0; index < runs; index++) if ((await task()) !== EVENTS) throw new Error('lost chunks');
  const used = process.cpuUsage(before);
  return (used.user + used.system) / runs / EVENTS;
}
for (let round = 0; round < 3; round++) {
  const mine = await cpuPerChunk(ours, 60);
  const base = await cpuPerChunk(floor, 60);
  console.log(`ours ${mine.toFixed(2)} µs, floor ${base.toFixed(2)} µs per chunk: ${(mine / base).toFixed(2)}x`);
}
