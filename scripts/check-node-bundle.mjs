#!/usr/bin/env node
// Bundles the built package for Node the way an app bundler does (esbuild, platform neutral,
// `--conditions=node`, Node built-ins external only in their `node:` spelling) and fails if a
// Node-only helper imports a built-in without the `node:` prefix: such a bundle cannot resolve
// `fs/promises` on platform neutral, nor in Deno or an edge build.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const result = await build({
  stdin: { contents: `export * from '${manifest.name}';`, resolveDir: process.cwd(), loader: 'js' },
  bundle: true,
  platform: 'neutral',
  conditions: ['node', 'import'],
  mainFields: ['module', 'main'],
  external: ['node:*'],
  format: 'esm',
  write: false,
  logLevel: 'silent',
}).catch((error) => ({ error }));
if ('error' in result) {
  console.error(`node bundle failed (a built-in imported without "node:"?): ${result.error.message}`);
  process.exit(1);
}
console.log(`node bundle ok: ${manifest.name} bundles with --conditions=node; every built-in is imported as node:*`);
