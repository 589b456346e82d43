// A focused profile target for issue 13 §2: ours against raw fetch on chat, not streamed.
// `node --cpu-prof --cpu-prof-dir=/tmp/perf tooling/bench/src/profile-chat.mjs [ours|raw] [concurrency]`
// prints client CPU µs per request; the .cpuprofile shows where ours spends it.
import { fork } from 'node:child_process';
import { createChatService } from '@integrations/openai-chat';
import { compare, measure } from './measure.mjs';

const server = fork(new URL('./server.mjs', import.meta.url).pathname, { stdio: 'inherit' });
const { port } = await new Promise((resolve) => server.once('message', resolve));
const baseUrl = `http://127.0.0.1:${port}/v1`;
const apiKey = 'sk-bench';
const params = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Tell me about foxes.' }] };
const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
const which = process.argv[2] ?? 'ours';
const concurrency = Number(process.argv[3] ?? 1);
const chat = createChatService({ apiKey, baseUrl, logLevel: 'off' });
const tasks = {
  ours: () => chat.create(params),
  raw: () => fetch(`${baseUrl}/chat/completions`, { method: 'POST', headers, body: JSON.stringify(params) }).then((response) => response.json()),
};
const count = concurrency === 1 ? 2000 : 6000;
if (which === 'both') {
  // Interleaved rounds, medians: both clients see the same machine load.
  const [ours, raw] = await compare([tasks.ours, tasks.raw], { count, concurrency, rounds: 5 });
  console.log(`c=${concurrency}: ours ${ours.cpuMicros.toFixed(1)} µs, raw ${raw.cpuMicros.toFixed(1)} µs CPU/request: ${(ours.cpuMicros / raw.cpuMicros).toFixed(2)}x`);
} else {
  await measure(tasks[which], { count: 1000, concurrency });
  for (let round = 0; round < 3; round++) {
    const result = await measure(tasks[which], { count, concurrency, warmup: 0 });
    console.log(`${which} c=${concurrency}: ${result.cpuMicros.toFixed(1)} µs CPU/request, ${Math.round(result.perSecond)} req/s`);
  }
}
server.kill();
