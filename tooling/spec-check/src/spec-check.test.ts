import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport } from './report-table.js';
import { failuresOf, runSpecCheck, type SpecCheckReport } from './run-spec-check.js';
import { defaultSpecPath, loadSpec } from './spec-document.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const parseStarted = performance.now();
const spec = loadSpec(defaultSpecPath(repoRoot));
const specMs = performance.now() - parseStarted;
let report: SpecCheckReport | undefined;

describe('the registered operations against the official spec', () => {
  it('enforce every request constraint the spec declares, or list it as deliberate', async () => {
    report = await runSpecCheck(spec);
    expect(failuresOf(report)).toEqual([]);
  });
});

afterAll(() => {
  if (report) console.log(`\n${formatReport(report, specMs)}\n`);
});
