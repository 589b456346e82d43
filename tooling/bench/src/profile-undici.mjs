// Issue 13 §1: chat (not streamed) on undiciTransport() against raw undici `request()`, and,
// optionally, the same on fetch. Client CPU per request and req/s, medians of interleaved rounds.
//
//   node --expose-gc tooling/bench/src/profile-undici.mjs [--c 64] [--rounds 7] [--count 3000] [--fetch]
//        [--base /path/to/other/checkout] [--tasks ours-undici,base-undici,raw-undici]
//   node --cpu-prof --cpu-prof-dir=/tmp/prof tooling/bench/src/profile-undici.mjs --only ours [--c 64]
//
// `--base DIR` loads a second build (DIR's packages/openai-chat and packages/openai-undici dist,
// with DIR's own core) into the same process and runs it in the same interleaved rounds: a
// before/after comparison on a shared, noisy machine. `--only NAME` runs one client alone (for a
// CPU profile). The server runs in a child process, so only client CPU is counted.
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createChatService } from '@integrations/openai-chat';
import { undiciTransport } from '@integrations/openai-undici';
import { Agent } from 'undici';
import { measure, median } from './measure.mjs';

const { values: args } = parseArgs({
  options: {
    c: { type: 'string', default: '64' },
    rounds: { type: 'string', default: '7' },
    count: { type: 'string' },
    fetch: { type: 'boolean', default: false },
    base: { type: 'string' },
    only: { type: 'string' },
    tasks: { type: 'string' },
  },
});
const concurrency = Number(args.c);
const count = Number(args.count ?? (concurrency === 1 ? 1500 : 4000));

const server = fork(new URL('./server.mjs', import.meta.url).pathname, { stdio: 'inherit' });
const { port } = await new Promise((resolve) => server.once('message', resolve));
const baseUrl = `http://127.0.0.1:${port}/v1`;
const apiKey = 'sk-bench';
const params = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Tell me about foxes.' }] };

const transport = undiciTransport();
const pool = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
const { origin, pathname } = new URL(baseUrl);
const rawHeaders = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
const closers = [() => transport.close(), () => pool.close()];

/** Every client, by name: the current build's, raw floors, and `--base`'s build. */
const tasks = {};
const ours = createChatService({ apiKey, baseUrl, logLevel: 'off', transport });
tasks['ours-undici'] = () => ours.create(params);
tasks['raw-undici'] = () => pool.request({ origin, path: `${pathname}/chat/completions`, method: 'POST', headers: rawHeaders, body: JSON.stringify(params) }).then((response) => response.body.json());
if (args.base) {
  const load = (name) => import(pathToFileURL(`${args.base}/packages/${name}/dist/index.js`).href);
  const [{ createChatService: createBase }, { undiciTransport: baseTransport }] = await Promise.all([load('openai-chat'), load('openai-undici')]);
  const transportB = baseTransport();
  closers.push(() => transportB.close());
  const base = createBase({ apiKey, baseUrl, logLevel: 'off', transport: transportB });
  tasks['base-undici'] = () => base.create(params);
  if (args.fetch) {
    const baseFetch = createBase({ apiKey, baseUrl, logLevel: 'off' });
    tasks['base-fetch'] = () => baseFetch.create(params);
  }
}
if (args.fetch) {
  const onFetch = createChatService({ apiKey, baseUrl, logLevel: 'off' });
  tasks['ours-fetch'] = () => onFetch.create(params);
  // Raw fetch as a client with a per-request timeout calls it (main.mjs's second floor).
  tasks['raw-fetch-timeout'] = () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 600_000);
    return fetch(`${baseUrl}/chat/completions`, { method: 'POST', headers: rawHeaders, body: JSON.stringify(params), signal: controller.signal })
      .then((response) => response.json())
      .finally(() => clearTimeout(timer));
  };
}

/**
 * Like measure.mjs's `compare`, but the clients run in a new order each round: what one client
 * leaves behind (garbage, a cold cache) must not always fall on the same next one. Run node with
 * `--expose-gc` so that each pass also starts from a collected heap (measure.mjs calls `gc()`).
 */
async function rotated(list, { count, concurrency, rounds }) {
  if (!globalThis.gc) console.warn('without --expose-gc, one client\'s garbage is collected during the next one\'s pass');
  for (const task of list) await measure(task, { count: 1000, concurrency, warmup: 0 });
  const samples = list.map(() => []);
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let round = 0; round < rounds; round++) {
    const order = list.map((_, index) => index);
    for (let at = order.length - 1; at > 0; at--) {
      const other = Math.floor(random() * (at + 1));
      [order[at], order[other]] = [order[other], order[at]];
    }
    for (const index of order) samples[index].push(await measure(list[index], { count, concurrency, warmup: 0 }));
  }
  return samples.map((runs) => ({ perSecond: median(runs.map((run) => run.perSecond)), cpuMicros: median(runs.map((run) => run.cpuMicros)) }));
}

if (args.only) {
  const task = tasks[args.only] ?? tasks[`${args.only}-undici`];
  if (!task) throw new Error(`--only: one of ${Object.keys(tasks).join(', ')}`);
  await measure(task, { count: 2000, concurrency });
  for (let round = 0; round < 3; round++) {
    const result = await measure(task, { count: count * 2, concurrency, warmup: 0 });
    console.log(`${args.only} c=${concurrency}: ${result.cpuMicros.toFixed(1)} µs CPU/request, ${Math.round(result.perSecond)} req/s`);
  }
} else {
  // On a busy machine, many short rounds of only the clients compared give steadier medians.
  const names = args.tasks ? args.tasks.split(',') : Object.keys(tasks);
  if (!names.includes('raw-undici')) names.push('raw-undici');
  const results = await rotated(names.map((name) => tasks[name]), { count, concurrency, rounds: Number(args.rounds) });
  const rawUndici = results[names.indexOf('raw-undici')];
  console.log(`c=${concurrency}, ${count} requests a round, medians of ${args.rounds} interleaved rounds`);
  for (const [index, name] of names.entries()) {
    const { cpuMicros, perSecond } = results[index];
    console.log(`${name.padEnd(18)} ${cpuMicros.toFixed(1).padStart(7)} µs CPU/request  ${Math.round(perSecond).toString().padStart(6)} req/s  ${(cpuMicros / rawUndici.cpuMicros).toFixed(2)}× raw undici`);
  }
}
await Promise.all(closers.map((close) => close()));
server.kill();
