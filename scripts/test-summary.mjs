#!/usr/bin/env node
// Adds up every package's vitest JSON results and prints one plain closing line,
// "tests: N passed, N failed", so CI can tell a run that tested nothing from one that did.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
const packagesWithoutResults = [];
for (const group of ['packages', 'tooling']) {
  for (const name of readdirSync(group)) {
    const manifestPath = join(group, name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (!manifest.scripts?.test) continue;
    const resultsPath = join(group, name, '.vitest-results.json');
    if (!existsSync(resultsPath)) {
      packagesWithoutResults.push(manifest.name);
      continue;
    }
    const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    skipped += results.numPendingTests + results.numTodoTests;
  }
}
if (packagesWithoutResults.length > 0) {
  console.error(`no test results from: ${packagesWithoutResults.join(', ')}`);
  failed += packagesWithoutResults.length;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
