// Cold import time and the chat-only browser bundle, for `pnpm bench` (main.mjs adds these rows
// to its table) or alone: `node tooling/bench/src/import-bundle.mjs` after `pnpm build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { median } from './measure.mjs';

const here = new URL('.', import.meta.url).pathname;

/** Median wall time of a fresh `node` importing what `code` imports, in ms. */
function coldTime(code) {
  const samples = [];
  for (let run = 0; run < 9; run++) {
    const started = process.hrtime.bigint();
    execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: here });
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

/**
 * A split esbuild build (browser, ESM, minified) of `contents`, as an application bundler makes
 * it: the first load is the entry and the chunks it imports statically; what `import()` reaches
 * (zod and the request schemas, the multipart encoder, the tool loop) is loaded later. Each file
 * is gzipped alone, as a browser fetches it, so every extra first-load chunk costs its own
 * header and dictionary: `files` counts them (esbuild makes one chunk per set of entries and
 * lazy modules that reach a file, so a lazy module's static imports can split the first load).
 */
export async function bundleSizes(contents) {
  const folder = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  const entry = join(here, `.bundle-entry-${process.pid}.mjs`); // beside the bench, to resolve its dependencies
  writeFileSync(entry, contents);
  try {
    const result = await build({
      entryPoints: [entry], bundle: true, minify: true, platform: 'browser', format: 'esm', splitting: true,
      outdir: folder, write: false, metafile: true, logLevel: 'silent',
    });
    const bytes = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
    const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([path, output]) => [join(process.cwd(), path), output]));
    const start = Object.keys(outputs).find((path) => outputs[path].entryPoint?.endsWith(entry.split('/').pop()));
    const first = new Set();
    for (const stack = [start]; stack.length > 0;) {
      const path = stack.pop();
      if (first.has(path)) continue;
      first.add(path);
      for (const item of outputs[path].imports) if (item.kind === 'import-statement' && outputs[join(process.cwd(), item.path)]) stack.push(join(process.cwd(), item.path));
    }
    const sum = (paths) => paths.reduce((total, path) => ({ min: total.min + bytes.get(path).byteLength / 1024, gzip: total.gzip + gzipSync(bytes.get(path)).byteLength / 1024 }), { min: 0, gzip: 0 });
    const lazy = [...bytes.keys()].filter((path) => !first.has(path));
    // What each package puts in the first load, by the metafile's inputs.
    const byPackage = {};
    for (const path of first) {
      for (const [input, { bytesInOutput }] of Object.entries(outputs[path].inputs)) {
        const name = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? /packages\/([^/]+)/.exec(input)?.[1] ?? 'the script';
        byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput / 1024;
      }
    }
    return { first: { ...sum([...first]), files: first.size }, lazy: sum(lazy), byPackage };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(entry, { force: true });
  }
}

const CHAT_ONLY = "import { createChatService } from '@integrations/openai-chat'; export const chat = createChatService({ apiKey: 'sk' }); export const run = () => chat.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });";
const SDK_CHAT = "import OpenAI from 'openai'; export const client = new OpenAI({ apiKey: 'sk', dangerouslyAllowBrowser: true }); export const run = () => client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });";

/** The rows (name, unit, [ours, official SDK], lowerIsBetter, target) main.mjs puts in its table. */
export async function importAndBundleRows() {
  const baseline = coldTime('');
  const chat = coldTime("await import('@integrations/openai-chat')") - baseline;
  const umbrella = coldTime("await import('@integrations/openai')") - baseline;
  const sdk = coldTime("await import('openai')") - baseline;
  const mine = await bundleSizes(CHAT_ONLY);
  const theirs = await bundleSizes(SDK_CHAT);
  const packages = Object.entries(mine.byPackage).sort((a, b) => b[1] - a[1]).map(([name, size]) => `${name} ${size.toFixed(1)}`).join(', ');
  return [
    ['cold import (chat package vs SDK), above node start', 'ms', [chat, sdk], true, { absolute: 20, what: '≤ 20 ms' }],
    ['cold import (umbrella vs SDK), above node start', 'ms', [umbrella, sdk], true, { absolute: 30, what: '≤ 30 ms' }],
    ['chat-only bundle, first load, minified', 'KiB', [mine.first.min, theirs.first.min], true, { absolute: 60, what: '≤ 60 KiB' }],
    ['chat-only bundle, first load, gzip', 'KiB', [mine.first.gzip, theirs.first.gzip], true, { absolute: 18, what: '≤ 18 KiB' }],
    { note: `chat-only bundle: first load in ${mine.first.files} files, by package (KiB minified): ${packages}; loaded on first use (zod, schemas, tool loop): ${mine.lazy.min.toFixed(1)} KiB minified, ${mine.lazy.gzip.toFixed(1)} KiB gzip` },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await importAndBundleRows()) {
    if (row.note) console.log(row.note);
    else console.log(`${row[0]}: ours ${row[2][0].toFixed(1)} ${row[1]}, official SDK ${row[2][1].toFixed(1)} ${row[1]}${row[4] ? ` (target ${row[4].what})` : ''}`);
  }
}
