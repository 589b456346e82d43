// The scratch project: the packages as published. Each is packed with `pnpm pack` (which turns
// `workspace:^` into real versions), and only the tarballs are installed into an empty project in
// a temp folder (zod comes from the registry), beside a copy of the smoke sources.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectSuccess, runProcess } from './run-process.mjs';

/**
 * The umbrella and every workspace package it depends on, plus the testing server: read from
 * the manifests, so a new domain package is packed without touching this list.
 */
export function packedFolders(root) {
  const folders = new Map(readdirSync(join(root, 'packages')).map((folder) => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));
    return [manifest.name, folder];
  }));
  const umbrella = JSON.parse(readFileSync(join(root, 'packages', 'openai', 'package.json'), 'utf8'));
  const dependencies = Object.keys(umbrella.dependencies ?? {}).filter((name) => folders.has(name)).map((name) => folders.get(name));
  return [...new Set([...dependencies, 'openai', 'testing'])];
}

const PACK_TIMEOUT_MS = 60_000;
const INSTALL_TIMEOUT_MS = 180_000;

/** pnpm as the harness was started (`npm_execpath` under `pnpm run`), else the pinned one through npx. */
function pnpmCommand(root) {
  const execPath = process.env.npm_execpath ?? '';
  if (/pnpm\.c?js$/.test(execPath)) return { command: process.execPath, prefix: [execPath] };
  const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return { command: 'npx', prefix: ['-y', packageManager] };
}

/**
 * Packs the packages and installs the tarballs into `work/app`. Returns the app folder.
 *
 * @example
 * const app = await prepareScratchApp(repoRoot, mkdtempSync(join(tmpdir(), 'runtimes-')));
 */
export async function prepareScratchApp(root, work, smokeDir) {
  const tarballs = join(work, 'tarballs');
  const app = join(work, 'app');
  mkdirSync(app, { recursive: true });
  const pnpm = pnpmCommand(root);
  // All settled before any failure is reported, so no pack still writes once the caller cleans up.
  const packs = await Promise.allSettled(packedFolders(root).map(async (name) => {
    const result = await runProcess(pnpm.command, [...pnpm.prefix, 'pack', '--pack-destination', tarballs], { cwd: join(root, 'packages', name), timeoutMs: PACK_TIMEOUT_MS });
    expectSuccess(`pnpm pack in packages/${name}`, result);
  }));
  const failed = packs.find((pack) => pack.status === 'rejected');
  if (failed) throw failed.reason;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'runtimes-smoke', private: true, type: 'module' }));
  const files = readdirSync(tarballs).map((file) => join(tarballs, file));
  const install = ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', '--loglevel=error', ...files];
  expectSuccess('npm install of the tarballs', await runProcess('npm', install, { cwd: app, timeoutMs: INSTALL_TIMEOUT_MS }));
  cpSync(smokeDir, join(app, 'smoke'), { recursive: true });
  return app;
}
