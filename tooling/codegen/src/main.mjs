#!/usr/bin/env node
// `node tooling/codegen/src/main.mjs`: regenerates every file listed in codegen-config.ts from
// ../shared/openapi/openapi.yaml. esbuild bundles the TypeScript sources into a temporary file
// (no build, no tsx); the files are written only when their text changed.
import { importTypeScript } from '@integrations/spec-check/import-typescript';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const { generateAll, defaultSpecPath, loadSpec } = await importTypeScript(`
  export { generateAll } from './generate-all.ts';
  export { defaultSpecPath, loadSpec } from '@integrations/spec-check/spec-document';
`, sourceDir);
for (const file of generateAll(loadSpec(defaultSpecPath(repoRoot)))) {
  const target = join(repoRoot, file.path);
  const unchanged = existsSync(target) && readFileSync(target, 'utf8') === file.content;
  if (!unchanged) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  console.log(`${unchanged ? 'unchanged' : 'written  '} ${file.path} (${file.content.split('\n').length} lines)`);
}
