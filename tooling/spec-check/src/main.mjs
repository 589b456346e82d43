#!/usr/bin/env node
// `node tooling/spec-check/src/main.mjs`: the spec check without vitest or a build. esbuild
// bundles the TypeScript sources (workspace packages through their "@integrations/source"
// condition, as the tests resolve them) into a temporary file, which runs the check and
// prints the same table as the test. Exits 1 when the check fails.
import { fileURLToPath } from 'node:url';
import { importTypeScript } from './import-typescript.mjs';

const sourceDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const { main } = await importTypeScript(`
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
`, sourceDir);
if (!(await main(repoRoot))) process.exitCode = 1;
