// `pnpm bench`: on loopback, in one run, @integrations/openai-* against the official `openai`
// SDK and a raw fetch floor. Prints a table with ratios; `--write` saves it to RESULTS.md.
// Benchmarks are never tests: targets are reported, not enforced.
import { fork, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import OpenAI from 'openai';
import { createChatService } from '@integrations/openai-chat';
import { createEmbeddingsService } from '@integrations/openai-embeddings';
import { compare, median } from './measure.mjs';
import { undiciClients } from './undici-clients.mjs';

const here = new URL('.', import.meta.url).pathname;
const server = fork(new URL('./server.mjs', import.meta.url).pathname, { stdio: 'inherit' });
const { port } = await new Promise((resolve) => server.once('message', resolve));
const baseUrl = `http://127.0.0.1:${port}/v1`;
const apiKey = 'sk-bench';
const params = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Tell me about foxes.' }] };
const rows = [];
const fmt = (value, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const ours = createChatService({ apiKey, baseUrl, logLevel: 'off' });
const ourEmbeddings = createEmbeddingsService({ apiKey, baseUrl, logLevel: 'off' });
const official = new OpenAI({ apiKey, baseURL: baseUrl });
const undici = undiciClients({ apiKey, baseUrl, params });
const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
const rawPost = (path, body) => fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

function row(name, unit, results, lowerIsBetter = true, target) {
  const [our, theirs, floor] = results;
  rows.push({ name, unit, our, theirs, floor, ratio: our / theirs, floorRatio: floor ? our / floor : undefined, lowerIsBetter, target });
}

// Chat, not streamed.
for (const concurrency of [1, 64]) {
  const count = concurrency === 1 ? 800 : 3_000;
  const results = await compare([() => ours.create(params), () => official.chat.completions.create(params), () => rawPost('/chat/completions', params).then((response) => response.json()), undici.chat, undici.chatFloor], { count, concurrency });
  row(`chat, concurrency ${concurrency}: requests/s`, 'req/s', results.map((result) => result.perSecond), false);
  row(`chat, concurrency ${concurrency}: client CPU per request`, 'µs', results.map((result) => result.cpuMicros), true, concurrency === 1 ? { ratio: 1, what: '≤ official' } : undefined);
  // Ours on undici, and undici's raw request() as its floor; both against the SDK and raw fetch.
  for (const [index, who] of [[3, 'ours on undici'], [4, 'raw undici']]) {
    const target = concurrency === 64 && index === 3;
    row(`chat, concurrency ${concurrency}: requests/s, ${who}`, 'req/s', [index, 1, 2].map((at) => results[at].perSecond), false, target ? { atLeast: 3, what: '≥ 3× official' } : undefined);
    row(`chat, concurrency ${concurrency}: client CPU per request, ${who}`, 'µs', [index, 1, 2].map((at) => results[at].cpuMicros), true, target ? { floor: 0.45, what: '≤ 0.45× raw fetch' } : undefined);
  }
}

// A 2,000-chunk stream.
{
  const CHUNKS = 2000;
  const decoder = new TextDecoder();
  async function rawStream() {
    const response = await rawPost('/chat/completions', { ...params, stream: true });
    let buffer = '';
    let count = 0;
    for await (const bytes of response.body) {
      buffer += decoder.decode(bytes, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const data = buffer.slice(6, end);
        buffer = buffer.slice(end + 2);
        if (data !== '[DONE]') { JSON.parse(data); count++; }
      }
    }
    return count;
  }
  const tasks = [
    async () => { let count = 0; for await (const _chunk of ours.createStream(params)) count++; return count; },
    async () => { let count = 0; for await (const _chunk of await official.chat.completions.create({ ...params, stream: true })) count++; return count; },
    rawStream,
    undici.stream,
    undici.streamFloor,
  ];
  for (const task of tasks) if ((await task()) !== CHUNKS) throw new Error('a client did not read every chunk');
  const results = await compare(tasks, { count: 15, warmup: 5 });
  row('stream of 2,000 chunks: chunks/s', 'chunks/s', results.map((result) => (CHUNKS * 1e6) / result.wallMicros), false);
  row('stream: client CPU per chunk', 'µs', results.map((result) => result.cpuMicros / CHUNKS), true, { ratio: 0.5, what: '≤ ½ official' });
  // Ours on undici against the SDK and, in the floor column, raw undici (not raw fetch).
  row('stream: client CPU per chunk, ours on undici (floor: raw undici)', 'µs', [3, 1, 4].map((at) => results[at].cpuMicros / CHUNKS), true, { floor: 1.2, what: '≤ 1.2× raw undici' });
}

// 256 × 1536 embeddings, default decoding.
{
  const input = Array.from({ length: 256 }, (_, index) => `document ${index}`);
  const model = 'text-embedding-3-small';
  const tasks = [
    () => ourEmbeddings.create({ model, input }),
    () => official.embeddings.create({ model, input }),
    async () => {
      const body = await (await rawPost('/embeddings', { model, input, encoding_format: 'base64' })).json();
      return body.data.map((item) => { const bytes = Buffer.from(item.embedding, 'base64'); return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4); });
    },
  ];
  const results = await compare(tasks, { count: 30, warmup: 10 });
  row('embeddings 256×1536 (default decode): time per call', 'ms', results.map((result) => result.wallMicros / 1000), true, { floor: 1.15, what: '≤ 1.15× raw floor' });
  row('embeddings: client CPU per call', 'ms', results.map((result) => result.cpuMicros / 1000), true);
}

// Cold import time: a fresh node process importing the package, minus an empty node start.
{
  const time = (code) => {
    const samples = [];
    for (let run = 0; run < 9; run++) {
      const started = process.hrtime.bigint();
      execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: here });
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return median(samples);
  };
  const baseline = time('');
  const results = [time("await import('@integrations/openai-chat')") - baseline, time("await import('openai')") - baseline];
  row('cold import (chat package vs SDK), above node start', 'ms', [results[0], results[1]], true, { ratio: 1 / 3, what: '≤ ⅓ official' });
}

// Bundle of a chat-only script, esbuild, minified.
{
  const size = async (contents) => {
    const result = await build({ stdin: { contents, resolveDir: here, loader: 'js' }, bundle: true, minify: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    const bytes = result.outputFiles[0].contents;
    return { min: bytes.byteLength / 1024, gzip: gzipSync(bytes).byteLength / 1024 };
  };
  const mine = await size("import { createChatService } from '@integrations/openai-chat'; export const chat = createChatService({ apiKey: 'sk' }); export const run = () => chat.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });");
  const theirs = await size("import OpenAI from 'openai'; export const client = new OpenAI({ apiKey: 'sk', dangerouslyAllowBrowser: true }); export const run = () => client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });");
  row('chat-only bundle, minified', 'KiB', [mine.min, theirs.min], true, { absolute: 60, what: '≤ 60 KiB' });
  row('chat-only bundle, gzip', 'KiB', [mine.gzip, theirs.gzip], true, { absolute: 18, what: '≤ 18 KiB' });
}

await undici.close();
server.kill();

const verdict = (item) => {
  if (!item.target) return '';
  const { target } = item;
  const ok = target.absolute !== undefined ? item.our <= target.absolute : target.floor !== undefined ? item.floorRatio <= target.floor : target.atLeast !== undefined ? item.ratio >= target.atLeast : item.ratio <= target.ratio;
  return `${ok ? 'met' : 'missed'} (${target.what})`;
};
const lines = [
  `| measure | unit | ours | official SDK (openai 6.49.0) | raw fetch | ours ÷ SDK | ours ÷ raw | target |`,
  `| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |`,
  ...rows.map((item) => {
    const digits = item.unit === 'µs' || item.unit === 'ms' || item.unit === 'KiB' ? 1 : 0;
    return `| ${item.name} | ${item.unit} | ${fmt(item.our, digits)} | ${fmt(item.theirs, digits)} | ${item.floor === undefined ? '–' : fmt(item.floor, digits)} | ${fmt(item.ratio, 2)} | ${item.floorRatio === undefined ? '–' : fmt(item.floorRatio, 2)} | ${verdict(item)} |`;
  }),
];
const header = `Node ${process.version}, ${process.platform}/${process.arch}, loopback server in a separate process; CPU is the client process's user+system time.`;
console.log(`\n${header}\n\n${lines.join('\n')}\n`);
if (process.argv.includes('--write')) {
  writeFileSync(new URL('../RESULTS.md', import.meta.url), `# Benchmark results\n\nOne run of \`pnpm bench --write\` (${new Date().toISOString().slice(0, 10)}). ${header}\nLower is better for µs, ms and KiB; higher for req/s and chunks/s.\n\n${lines.join('\n')}\n`);
  console.log('Saved tooling/bench/RESULTS.md');
}
