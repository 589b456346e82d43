#!/usr/bin/env node
// `node tooling/spec-check/src/main.mjs`: the spec check without vitest or a build. esbuild
// bundles the TypeScript sources (workspace packages through their "@integrations/source"
// condition, as the tests resolve them) into a temporary file, which runs the check and
// prints the same table as the test. Exits 1 when the check fails.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const sourceDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const entry = `
  import { formatReport } from './report-table.ts';
  import { failuresOf, runSpecCheck } from './run-spec-check.ts';
  import { defaultSpecPath, loadSpec } from './spec-document.ts';
  export async function main(repoRoot) {
    const started = performance.now();
    const spec = loadSpec(defaultSpecPath(repoRoot));
    const specMs = performance.now() - started;
    const report = await runSpecCheck(spec);
    console.log(formatReport(report, specMs));
    return failuresOf(report).length === 0;
  }
`;
const work = mkdtempSync(join(tmpdir(), 'spec-check-'));
try {
  const outfile = join(work, 'spec-check.mjs');
  await build({
    stdin: { contents: entry, resolveDir: sourceDir, loader: 'ts', sourcefile: 'main-entry.ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@integrations/source'],
    define: { __PACKAGE_VERSION__: '"0.0.0-spec-check"' },
    // yaml ships CommonJS that requires Node built-ins; give the ESM bundle a real `require`.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  const { main } = await import(pathToFileURL(outfile).href);
  if (!(await main(repoRoot))) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
