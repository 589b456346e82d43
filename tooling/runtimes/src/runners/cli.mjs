// Node, Bun and Deno: run smoke/cli.mjs in the scratch project, where bare imports resolve to the
// installed tarballs. The runtime only runs the client; the server is in the harness.
import { join } from 'node:path';
import { runProcess, tail } from '../run-process.mjs';
import { CACHE_DIR } from '../runtime-cache.mjs';

const SMOKE_TIMEOUT_MS = 90_000;

/** The command line of each runtime, with the least it needs. */
function argsFor(runtime, baseUrl) {
  const script = join('smoke', 'cli.mjs');
  // --no-install: resolve from node_modules only, never fetch a missing import on the fly.
  if (runtime.kind === 'bun') return ['--no-install', script, baseUrl];
  // Deno: the permissions of the row (network to loopback, maybe env); no lockfile in the scratch project.
  if (runtime.kind === 'deno') return ['run', '--no-lock', '--no-prompt', ...runtime.denoFlags, script, baseUrl];
  return [script, baseUrl];
}

/**
 * Runs the smoke with binary `bin` of `runtime` (kind node, bun or deno). Returns the checks,
 * or a single failed check explaining why no results came back.
 */
export async function runCliSmoke({ runtime, bin, app, baseUrl }) {
  // Hermetic: no OPENAI_* of the developer's shell reaches the client (undefined drops a variable).
  const openai = Object.keys(process.env).filter((name) => name.startsWith('OPENAI_')).map((name) => [name, undefined]);
  const env = { ...Object.fromEntries(openai), DENO_DIR: join(CACHE_DIR, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
  const result = await runProcess(bin, argsFor(runtime, baseUrl), { cwd: app, env, timeoutMs: SMOKE_TIMEOUT_MS });
  const line = result.stdout.split('\n').find((text) => text.startsWith('SMOKE_RESULT '));
  if (line) return JSON.parse(line.slice('SMOKE_RESULT '.length));
  const why = result.timedOut ? `timed out after ${SMOKE_TIMEOUT_MS} ms` : `exited ${result.code} without results`;
  return [{ name: 'smoke script', ok: false, detail: `${why}: ${tail(`${result.stderr}\n${result.stdout}`, 6)}` }];
}
