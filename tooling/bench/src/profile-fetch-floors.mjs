// The fetch floors a chat call on fetch is held against, side by side with ours: raw fetch with a
// timeout signal, and the same sending every header the client sends (user-agent, accept, an
// idempotency key, the retry count). `node tooling/bench/src/profile-fetch-floors.mjs [concurrency]`
// after `pnpm build`; CPU per request, medians of seven interleaved rounds.
import { fork } from 'node:child_process';
import { createChatService } from '@integrations/openai-chat';
import { compare } from './measure.mjs';
const server = fork(new URL('./server.mjs', import.meta.url).pathname, { stdio: 'inherit' });
const { port } = await new Promise((resolve) => server.once('message', resolve));
const baseUrl = `http://127.0.0.1:${port}/v1`;
const params = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Tell me about foxes.' }] };
const apiKey = 'sk-bench';
const plain = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
const full = { ...plain, accept: 'application/json', 'user-agent': 'integrations-openai/0.0.0', 'x-retry-count': '0' };
const chat = createChatService({ apiKey, baseUrl, logLevel: 'off' });
function withSignal(headers) {
  const c = new AbortController(); const t = setTimeout(() => c.abort(), 600000);
  return fetch(`${baseUrl}/chat/completions`, { headers: { ...headers, 'idempotency-key': `idem-${crypto.randomUUID()}` }, method: 'POST', body: JSON.stringify(params), signal: c.signal }).then((r) => r.json()).finally(() => clearTimeout(t));
}
function withSignalPlain() {
  const c = new AbortController(); const t = setTimeout(() => c.abort(), 600000);
  return fetch(`${baseUrl}/chat/completions`, { headers: plain, method: 'POST', body: JSON.stringify(params), signal: c.signal }).then((r) => r.json()).finally(() => clearTimeout(t));
}
const c = Number(process.argv[2] ?? 1);
const tasks = { ours: () => chat.create(params), rawSignal: withSignalPlain, rawSignalOurHeaders: () => withSignal(full) };
const names = Object.keys(tasks);
const res = await compare(names.map((n) => tasks[n]), { count: c === 1 ? 800 : 3000, concurrency: c, rounds: 7 });
names.forEach((n, i) => console.log(n.padEnd(22), res[i].cpuMicros.toFixed(1), 'µs', Math.round(res[i].perSecond), 'req/s'));
server.kill(); process.exit(0);
