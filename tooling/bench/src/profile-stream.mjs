// A focused profile target for issue 13 §3: ours against a raw fetch SSE loop, per stream shape.
// `node [--cpu-prof] tooling/bench/src/profile-stream.mjs [shape] [which]`; shape is one of
// block, bursts, single, paced; which is both (default), ours or raw; add `undici` to run both
// sides on undici (ours through @integrations/openai-undici, the floor on undici's request()).
import { fork } from 'node:child_process';
import { createChatService } from '@integrations/openai-chat';
import { compare, measure } from './measure.mjs';
import { countRawSseEvents } from './raw-sse.mjs';
import { undiciClients } from './undici-clients.mjs';

const server = fork(new URL('./server.mjs', import.meta.url).pathname, { stdio: 'inherit' });
const { port } = await new Promise((resolve) => server.once('message', resolve));
const shape = process.argv[2] ?? 'single';
const which = process.argv[3] ?? 'both';
const baseUrl = `http://127.0.0.1:${port}${shape === 'block' ? '' : `/${shape}`}/v1`;
const apiKey = 'sk-bench';
const params = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Tell me about foxes.' }] };
const chat = createChatService({ apiKey, baseUrl, logLevel: 'off' });
const chunks = shape === 'paced' ? 300 : 2000;

const onUndici = process.argv[4] === 'undici' ? undiciClients({ apiKey, baseUrl, params }) : undefined;

async function ours() {
  if (onUndici) return onUndici.stream();
  let count = 0;
  for await (const _chunk of chat.createStream(params)) count++;
  return count;
}
async function raw() {
  if (onUndici) return onUndici.streamFloor();
  const response = await fetch(`${baseUrl}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ ...params, stream: true }) });
  return countRawSseEvents(response.body);
}
for (const task of [ours, raw]) if ((await task()) !== chunks) throw new Error(`${task.name} did not read every chunk`);
const count = shape === 'paced' ? 6 : 10;
if (which === 'both') {
  const [mine, floor] = await compare([ours, raw], { count, warmup: 3, rounds: 5 });
  console.log(`${shape}: ours ${(mine.cpuMicros / chunks).toFixed(2)} µs, raw ${(floor.cpuMicros / chunks).toFixed(2)} µs CPU/chunk: ${(mine.cpuMicros / floor.cpuMicros).toFixed(2)}x`);
} else {
  const task = which === 'ours' ? ours : raw;
  await measure(task, { count: 5, warmup: 0 });
  const result = await measure(task, { count: count * Number(process.env.ROUNDS ?? 3), warmup: 0 });
  console.log(`${which} ${shape}: ${(result.cpuMicros / chunks).toFixed(2)} µs CPU/chunk`);
}
await onUndici?.close();
server.kill();
