// Runtime binaries that are npm packages (Node 22 and 24, Bun, Deno), installed on first use into
// a cache outside the repo with `npm install --no-save --no-package-lock`, so nothing reaches the
// workspace or its lockfile. Versions are pinned for a reproducible matrix; bump them here.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { expectSuccess, runProcess } from './run-process.mjs';

export const CACHE_DIR = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'integrations-runtimes');

/** package@version to install, and the binary it provides (its npm install script fetches the platform build). */
export const PINNED = {
  node22: { pkg: 'node', version: '22.23.3', bin: 'node_modules/node/bin/node' },
  node24: { pkg: 'node', version: '24.21.0', bin: 'node_modules/node/bin/node' },
  bun: { pkg: 'bun', version: '1.3.14', bin: 'node_modules/bun/bin/bun.exe' },
  deno: { pkg: 'deno', version: '2.9.6', bin: 'node_modules/deno/deno' },
};

const INSTALL_TIMEOUT_MS = 180_000;
const VERSION_TIMEOUT_MS = 15_000;

/** Runs `<bin> --version`; throws when the binary is missing or cannot start here. */
async function versionOf(bin) {
  const result = expectSuccess(`${bin} --version`, await runProcess(bin, ['--version'], { timeoutMs: VERSION_TIMEOUT_MS }));
  const line = result.stdout.trim().split('\n')[0];
  return line.match(/\d+\.\d+\.\d+\S*/)?.[0] ?? line; // `v22.1.0`, `1.3.14`, `deno 2.9.6 (stable, ...)`
}

/** Removes staging folders left by a harness that was killed mid-install (its pid is gone). */
function removeAbandonedStaging() {
  for (const name of existsSync(CACHE_DIR) ? readdirSync(CACHE_DIR) : []) {
    const pid = Number(/\.installing-(\d+)$/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0); // still running: another harness is installing
    } catch {
      rmSync(join(CACHE_DIR, name), { recursive: true, force: true });
    }
  }
}

const pending = new Map();

/**
 * Returns the binary of runtime `key` and its version, installing it first if the cache lacks it.
 * Rejects with the reason when it cannot be installed or started. Once per key and process
 * (two rows may share a binary).
 *
 * @example
 * const { bin, version } = await ensureRuntime('deno');
 */
export function ensureRuntime(key) {
  if (pending.size === 0) removeAbandonedStaging();
  if (!pending.has(key)) pending.set(key, install(key));
  return pending.get(key);
}

async function install(key) {
  const { pkg, version, bin } = PINNED[key];
  const dir = join(CACHE_DIR, `${key}-${version}`);
  if (existsSync(join(dir, bin))) {
    try {
      return { bin: join(dir, bin), version: await versionOf(join(dir, bin)) };
    } catch {
      rmSync(dir, { recursive: true, force: true }); // a broken cache entry: install again
    }
  }
  // Install beside the final folder and rename, so an interrupted install never looks complete.
  const staging = `${dir}.installing-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // npm 11 gates dependency install scripts behind `allowScripts`; these packages need theirs
  // to fetch the platform binary.
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: `runtime-${key}`, private: true, allowScripts: { [pkg]: true } }));
  try {
    const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `${pkg}@${version}`];
    expectSuccess(`npm install ${pkg}@${version}`, await runProcess('npm', args, { cwd: staging, timeoutMs: INSTALL_TIMEOUT_MS }));
    await versionOf(join(staging, bin));
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return { bin: join(dir, bin), version: await versionOf(join(dir, bin)) }; // still runs after the move
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
