#!/usr/bin/env node
// `node tooling/codegen/src/main.mjs`: regenerates every file listed in codegen-config.ts from
// ../shared/openapi/openapi.yaml. esbuild bundles the TypeScript sources into a temporary file
// (no build, no tsx); the files are written only when their text changed.
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const sourceDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const entry = `
  export { generateAll } from './generate-all.ts';
  export { defaultSpecPath, loadSpec } from '@integrations/spec-check/spec-document';
`;
const work = mkdtempSync(join(tmpdir(), 'codegen-'));
try {
  const outfile = join(work, 'codegen.mjs');
  await build({
    stdin: { contents: entry, resolveDir: sourceDir, loader: 'ts', sourcefile: 'main-entry.ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@integrations/source'],
    // yaml ships CommonJS that requires Node built-ins; give the ESM bundle a real `require`.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  const { generateAll, defaultSpecPath, loadSpec } = await import(pathToFileURL(outfile).href);
  for (const file of generateAll(loadSpec(defaultSpecPath(repoRoot)))) {
    const target = join(repoRoot, file.path);
    const unchanged = existsSync(target) && readFileSync(target, 'utf8') === file.content;
    if (!unchanged) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    console.log(`${unchanged ? 'unchanged' : 'written  '} ${file.path} (${file.content.split('\n').length} lines)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
