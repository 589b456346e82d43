#!/usr/bin/env node
// Bundles the built package for the browser (esbuild, platform browser) and fails if any Node
// built-in is pulled in: core must run wherever fetch exists.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const imported = new Set();
const result = await build({
  stdin: { contents: `export * from '${manifest.name}';`, resolveDir: process.cwd(), loader: 'js' },
  bundle: true,
  platform: 'browser',
  format: 'esm',
  write: false,
  minify: true,
  metafile: true,
  logLevel: 'silent',
  plugins: [{
    name: 'forbid-node-builtins',
    setup(context) {
      context.onResolve({ filter: /.*/ }, (args) => {
        if (builtins.has(args.path)) imported.add(`${args.path} (from ${args.importer})`);
        return undefined;
      });
    },
  }],
}).catch((error) => ({ error }));
if ('error' in result) {
  console.error(`browser bundle failed: ${result.error.message}`);
  process.exit(1);
}
if (imported.size > 0) {
  console.error(`browser bundle pulls in Node built-ins:\n  ${[...imported].join('\n  ')}`);
  process.exit(1);
}
const bytes = result.outputFiles[0].contents.byteLength;
console.log(`browser bundle ok: ${manifest.name} bundles for platform=browser with no Node built-in (${(bytes / 1024).toFixed(1)} KiB minified)`);
