// `node tooling/bench/src/media.mjs` (after `pnpm build`): images and audio on loopback, measured
// and reported, never asserted. Speech first-byte latency (ours, the official SDK, a raw socket),
// peak memory reading a 200 MiB speech stream and uploading a 50 MiB image from { path } (each in
// a fresh process), and decoding 10 × 4 MiB b64_json images against Buffer.from. `--write` saves
// the table to RESULTS-media.md.
import { execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { createAudioService } from '@integrations/openai-audio';
import { imageBytes } from '@integrations/openai-images';
import { median } from './measure.mjs';

const MiB = 1024 * 1024;
const server = fork(new URL('./media-server.mjs', import.meta.url).pathname, { stdio: 'inherit' });
const { port } = await new Promise((resolve) => server.once('message', resolve));
const baseUrl = `http://127.0.0.1:${port}/v1`;
const apiKey = 'sk-bench';
const speechBody = { model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'First byte, please.', bench_bytes: 8 * MiB };
const rows = [];
const fmt = (value, digits = 1) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const elapsedMs = (started) => Number(process.hrtime.bigint() - started) / 1e6;

// Speech: time to the first audio byte, then the rest is cancelled.
{
  const audio = createAudioService({ apiKey, baseUrl, logLevel: 'off' });
  const official = new OpenAI({ apiKey, baseURL: baseUrl });
  const ours = async () => {
    const started = process.hrtime.bigint();
    const reader = audio.speechStream(speechBody).getReader();
    await reader.read();
    const ms = elapsedMs(started);
    await reader.cancel();
    return ms;
  };
  const theirs = async () => {
    const started = process.hrtime.bigint();
    const response = await official.audio.speech.create(speechBody);
    const reader = response.body.getReader();
    await reader.read();
    const ms = elapsedMs(started);
    await reader.cancel();
    return ms;
  };
  const socket = () => new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const body = JSON.stringify(speechBody);
    const outgoing = httpRequest(`${baseUrl}/audio/speech`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.once('data', () => {
        const ms = elapsedMs(started);
        outgoing.destroy();
        resolve(ms);
      });
    });
    outgoing.on('error', (error) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    outgoing.end(body);
  });
  const tasks = [ours, theirs, socket];
  for (const task of tasks) for (let run = 0; run < 20; run++) await task(); // warm-up
  const samples = tasks.map(() => []);
  for (let round = 0; round < 60; round++) for (const [index, task] of tasks.entries()) samples[index].push(await task());
  const [our, sdk, raw] = samples.map(median);
  rows.push({ name: 'speechStream: first audio byte (median of 60)', unit: 'ms', our, sdk, raw, target: 'measured against the socket' });
}

// Memory, each in a fresh process: a 200 MiB speech stream read to the end, and a 50 MiB { path } edit.
{
  const child = (...args) => JSON.parse(execFileSync(process.execPath, [new URL('./media-child.mjs', import.meta.url).pathname, ...args], { encoding: 'utf8' }));
  for (const size of [50, 200]) {
    const speech = child('speech', baseUrl, String(size * MiB));
    const floor = child('fetch', baseUrl, String(size * MiB));
    if (speech.bytes !== size * MiB || floor.bytes !== size * MiB) throw new Error(`read ${speech.bytes} and ${floor.bytes} bytes, expected ${size} MiB`);
    rows.push({
      name: `speechStream of ${size} MiB: peak RSS of the process`, unit: 'MiB', our: speech.peakRssMiB, raw: floor.peakRssMiB,
      target: size === 200 ? '≤ 96 MiB' : 'flat with size', met: size === 200 ? speech.peakRssMiB <= 96 : undefined,
      note: `RSS at start ${fmt(speech.startRssMiB)} MiB; floor: a bare fetch read in the same process setup`,
    });
  }
  const directory = mkdtempSync(join(tmpdir(), 'bench-media-'));
  const image = join(directory, 'large.png');
  writeFileSync(image, Buffer.alloc(50 * MiB, 7));
  const edit = child('edit', baseUrl, image);
  rmSync(directory, { recursive: true, force: true });
  rows.push({ name: 'edit with a 50 MiB image from { path }: peak RSS', unit: 'MiB', our: edit.peakRssMiB, target: '≤ 128 MiB', met: edit.peakRssMiB <= 128, note: `RSS at start ${fmt(edit.startRssMiB)} MiB` });
}

// Decoding 10 × 4 MiB b64_json images: imageBytes against Buffer.from(s, 'base64').
{
  const strings = Array.from({ length: 10 }, () => randomBytes(4 * MiB).toString('base64'));
  const ours = () => { for (const b64_json of strings) imageBytes({ b64_json }); };
  const floor = () => { for (const text of strings) Buffer.from(text, 'base64'); };
  const time = (task) => { const started = process.hrtime.bigint(); task(); return elapsedMs(started); };
  for (let run = 0; run < 5; run++) { time(ours); time(floor); }
  const samples = [[], []];
  for (let round = 0; round < 25; round++) { samples[0].push(time(ours)); samples[1].push(time(floor)); }
  const [our, raw] = samples.map(median);
  rows.push({ name: 'imageBytes on 10 × 4 MiB b64_json images', unit: 'ms', our, raw, target: '≤ 1.2× Buffer.from', met: our / raw <= 1.2 });
}

server.kill();

const lines = [
  '| measure | unit | ours | official SDK | raw floor | ours ÷ floor | target | |',
  '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |',
  ...rows.map((row) => `| ${row.name} | ${row.unit} | ${fmt(row.our, 2)} | ${row.sdk === undefined ? '–' : fmt(row.sdk, 2)} | ${row.raw === undefined ? '–' : fmt(row.raw, 2)} | ${row.raw === undefined ? '–' : fmt(row.our / row.raw, 2)} | ${row.target}${row.met === undefined ? '' : row.met ? ' (met)' : ' (missed)'} | ${row.note ?? ''} |`),
];
const header = `Node ${process.version}, ${process.platform}/${process.arch}; loopback server in a separate process; memory measured in a fresh process per row (peak RSS: process.resourceUsage().maxRSS).`;
console.log(`\n${header}\n\n${lines.join('\n')}\n`);
if (process.argv.includes('--write')) {
  writeFileSync(new URL('../RESULTS-media.md', import.meta.url), `# Media benchmark results\n\nOne run of \`node tooling/bench/src/media.mjs --write\` (${new Date().toISOString().slice(0, 10)}). ${header}\n\n${lines.join('\n')}\n`);
  console.log('Saved tooling/bench/RESULTS-media.md');
}
