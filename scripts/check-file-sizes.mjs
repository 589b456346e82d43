#!/usr/bin/env node
// Fails when a source file (tests excluded) grows past 400 lines: split it by concept (STYLE.md).
// `generated/` folders are exempt: their files are written by tooling/codegen from the spec (one
// file per operation, as big as the spec's request) and nobody edits them by hand.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LIMIT = 400;
const root = process.argv[2] ?? 'src';
const tooLong = [];
function walk(directory) {
  for (const name of readdirSync(directory)) {
    const full = join(directory, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'generated') walk(full);
    }
    else if (/\.ts$/.test(name) && !/\.test(-d)?\.ts$/.test(name)) {
      const lines = readFileSync(full, 'utf8').split('\n').length;
      if (lines > LIMIT) tooLong.push(`${full}: ${lines} lines`);
    }
  }
}
walk(root);
if (tooLong.length > 0) {
  console.error(`Source files over ${LIMIT} lines:\n  ${tooLong.join('\n  ')}`);
  process.exit(1);
}
console.log(`file sizes ok: every source file under ${root}/ is at most ${LIMIT} lines`);
