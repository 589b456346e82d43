// `pnpm test:mutation`: runs StrykerJS on core (packages/core/stryker.config.mjs) under Node 22,
// which Stryker 10 requires while the repo's own floor is Node 20. The Node 22 binary comes from
// the same cache as `pnpm test:runtimes` and is installed on first use. Arguments after `--` go to
// `stryker run`, e.g. `pnpm test:mutation -- --mutate src/transport/path.ts`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureRuntime } from '@integrations/runtimes/src/runtime-cache.mjs';

const coreDir = resolve(import.meta.dirname, '../../../packages/core');
const strykerBin = resolve(coreDir, 'node_modules/@stryker-mutator/core/bin/stryker.js');

if (!existsSync(strykerBin)) {
  console.error(`Stryker is not installed at ${strykerBin}: run \`pnpm install\` first.`);
  process.exit(1);
}

const args = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
const { bin, version } = await ensureRuntime('node22');
console.log(`mutation: Stryker on packages/core under Node ${version} (${bin})`);

const child = spawn(bin, [strykerBin, 'run', ...args], { cwd: coreDir, stdio: 'inherit' });
// Ctrl-C reaches Stryker through the terminal's process group; forward other stops explicitly.
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
