// `pnpm --filter @integrations/bench bench:files`: memory and throughput of files and batches on
// loopback, each scenario in a fresh process (peak RSS from the OS), the server in another.
// Measured, not asserted: targets are reported. `--write` saves the table to FILES-RESULTS.md.
import { execFileSync, fork } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MiB = 1024 ** 2;
const here = new URL('.', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'files-bench-'));
const server = fork(join(here, 'files-server.mjs'), { stdio: 'inherit' });
const { port } = await new Promise((resolve) => server.once('message', resolve));
const baseUrl = `http://127.0.0.1:${port}/v1`;

/** A file of `size` bytes (a repeated 1 MiB pattern), written without holding it in memory. */
function makeFile(name, size) {
  const path = join(work, name);
  const block = Buffer.alloc(MiB, 'abcdefghijklmnopqrstuvwxyz0123456789\n');
  const fd = openSync(path, 'w');
  for (let written = 0; written < size; written += MiB) writeSync(fd, block, 0, Math.min(MiB, size - written));
  closeSync(fd);
  return path;
}

const scenario = (name, path = '', variant = '') => JSON.parse(execFileSync(process.execPath, [join(here, 'files-scenario.mjs'), name, baseUrl, path, variant], { cwd: here, encoding: 'utf8' }).trim().split('\n').pop());
const rows = [];
const fmt = (value, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

try {
  const half = makeFile('half-gib.bin', 512 * MiB);
  const upload = scenario('upload', half);
  const uploadFixed = scenario('upload', half, 'redirect-error');
  const rawHalf = scenario('raw-post', half);
  rows.push(['files.upload({ path }) of 512 MiB: peak RSS', 'MiB', upload.maxRssMiB, rawHalf.maxRssMiB, '≤ 128 MiB', upload.maxRssMiB <= 128]);
  rows.push(["  the same, fetch with redirect: 'error' (the core fix)", 'MiB', uploadFixed.maxRssMiB, undefined, '≤ 128 MiB', uploadFixed.maxRssMiB <= 128]);
  rows.push(['files.upload of 512 MiB: throughput', 'MiB/s', upload.bytes / MiB / upload.seconds, rawHalf.bytes / MiB / rawHalf.seconds, '', undefined]);
  rmSync(half);

  const two = makeFile('two-gib.bin', 2048 * MiB);
  const large = scenario('upload-large', two);
  const largeFixed = scenario('upload-large', two, 'redirect-error');
  const rawTwo = scenario('raw-post', two);
  const slowdown = large.seconds / rawTwo.seconds;
  rows.push(['uploads.uploadLarge of 2 GiB (64 MiB × 4): peak RSS', 'MiB', large.maxRssMiB, rawTwo.maxRssMiB, '≤ 400 MiB', large.maxRssMiB <= 400]);
  rows.push(["  the same, fetch with redirect: 'error' (the core fix)", 'MiB', largeFixed.maxRssMiB, undefined, '≤ 400 MiB', largeFixed.maxRssMiB <= 400]);
  rows.push(['uploads.uploadLarge of 2 GiB: throughput', 'MiB/s', large.bytes / MiB / large.seconds, rawTwo.bytes / MiB / rawTwo.seconds, `time ≤ 1.5× raw (${fmt(slowdown, 2)}×)`, slowdown <= 1.5]);
  rmSync(two);

  const results = scenario('results');
  const floor = scenario('results-floor');
  rows.push(['batches.results of a 256 MiB output: throughput', 'MB/s', results.bytes / 1e6 / results.seconds, floor.bytes / 1e6 / floor.seconds, '≥ 100 MB/s', results.bytes / 1e6 / results.seconds >= 100]);
  rows.push(['batches.results of a 256 MiB output: peak RSS', 'MiB', results.maxRssMiB, floor.maxRssMiB, '≤ 100 MiB', results.maxRssMiB <= 100]);
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}

const lines = [
  '| measure | unit | ours | raw fetch (a streaming POST; for results: fetch + JSON.parse per line) | target |',
  '| --- | --- | ---: | ---: | --- |',
  ...rows.map(([name, unit, ours, raw, target, met]) => `| ${name} | ${unit} | ${fmt(ours, 1)} | ${raw === undefined ? '–' : fmt(raw, 1)} | ${target}${met === undefined ? '' : met ? ' met' : ' missed'} |`),
];
const header = `Node ${process.version}, ${process.platform}/${process.arch}; each scenario in a fresh process (peak RSS is the OS's maxRSS of that process, Node's own baseline included); loopback server in another process.`;
console.log(`\n${header}\n\n${lines.join('\n')}\n`);
if (process.argv.includes('--write')) {
  writeFileSync(new URL('../FILES-RESULTS.md', import.meta.url), `# Files and batches benchmark\n\nOne run of \`node tooling/bench/src/files.mjs --write\` (${new Date().toISOString().slice(0, 10)}). ${header}\n\n${lines.join('\n')}\n`);
  console.log('Saved tooling/bench/FILES-RESULTS.md');
}
