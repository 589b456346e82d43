// `pnpm test:runtimes`: packs the packages, installs the tarballs into a scratch project, and
// runs one smoke (smoke/smoke.mjs) on every runtime against the loopback mock server, which
// always runs here in Node. Prints each runtime's checks and a matrix; exits 1 when a runtime
// that ran failed a check (or, under CI, could not run). RUNTIMES=node22,deno picks some;
// KEEP_SCRATCH=1 keeps the scratch project to rerun a smoke by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { browserBundle, bundleFailure, edgeBundle } from './bundles.mjs';
import { startSmokeServer } from './mock-server.mjs';
import { scanPackedFiles } from './packed-files.mjs';
import { printMatrix, printRuntime } from './report.mjs';
import { killRunning } from './run-process.mjs';
import { CACHE_DIR, ensureRuntime } from './runtime-cache.mjs';
import { CHROMIUM_PATH, closeBrowser, launchChromium, runBrowserSmoke } from './runners/browser.mjs';
import { runCliSmoke } from './runners/cli.mjs';
import { edgeVersion, runEdgeSmoke } from './runners/edge.mjs';
import { prepareScratchApp } from './scratch-app.mjs';

const root = resolve(import.meta.dirname, '../../..');
const smokeDir = resolve(import.meta.dirname, '../smoke');
const systemMajor = process.versions.node.split('.')[0];

const ALL = [
  { id: `node${systemMajor}`, label: `Node ${systemMajor} (system)`, kind: 'node', system: true },
  { id: 'node22', label: 'Node 22', kind: 'node', cache: 'node22' },
  { id: 'node24', label: 'Node 24', kind: 'node', cache: 'node24' },
  { id: 'bun', label: 'Bun', kind: 'bun', cache: 'bun' },
  { id: 'deno', label: 'Deno', kind: 'deno', cache: 'deno', denoFlags: ['--allow-net=127.0.0.1', '--allow-env'] },
  // The client gets every option explicitly, so it has no reason to need env access.
  { id: 'deno-net-only', label: 'Deno, --allow-net only', kind: 'deno', cache: 'deno', denoFlags: ['--allow-net=127.0.0.1'] },
  { id: 'edge', label: 'Edge runtime', kind: 'edge' },
  { id: 'chromium', label: 'Chromium (headless)', kind: 'browser' },
];
const wanted = process.env.RUNTIMES?.split(',').map((id) => id.trim()).filter(Boolean);
const selected = ALL.filter((runtime) => !wanted || wanted.includes(runtime.id));

/** The binary of a command-line runtime: the harness's own node, or one from the cache. */
async function binaryFor(runtime) {
  if (runtime.system) return { bin: process.execPath, version: process.versions.node };
  return ensureRuntime(runtime.cache);
}

/** The edge VM: needs only its bundle. */
async function runEdge(run, prepared, baseUrl) {
  run.version = edgeVersion();
  const bundle = await prepared.edge;
  run.checks = bundle.error ? [bundleFailure('edge', bundle.error)] : await runEdgeSmoke({ code: bundle.code, baseUrl });
}

/** Chromium: "not run" when the browser cannot start here. */
async function runChromium(run, prepared, baseUrl) {
  const bundle = await prepared.browser;
  if (bundle.error) return void (run.checks = [bundleFailure('browser', bundle.error)]);
  let browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    return void (run.notRun = `cannot launch ${CHROMIUM_PATH}: ${error.message.split('\n')[0]}`);
  }
  try {
    run.version = browser.version();
    Object.assign(run, await runBrowserSmoke({ browser, code: bundle.code, baseUrl }));
  } finally {
    await closeBrowser(browser);
  }
}

/** Node, Bun, Deno: "not run" when the binary cannot be installed or started. */
async function runCli(run, runtime, prepared, baseUrl) {
  const binary = await prepared.binaries.get(runtime.id);
  if (binary.error) return void (run.notRun = `cannot install: ${binary.error.message}`);
  run.version = binary.version;
  run.checks = await runCliSmoke({ runtime, bin: binary.bin, app: prepared.app, baseUrl });
}

/** Runs one runtime against a fresh server (a request one runtime left stalled cannot touch the next). */
async function runOne(runtime, prepared) {
  const begun = Date.now();
  const run = { label: runtime.label, checks: [] };
  const server = await startSmokeServer(prepared.app);
  try {
    if (runtime.kind === 'edge') await runEdge(run, prepared, server.baseUrl);
    else if (runtime.kind === 'browser') await runChromium(run, prepared, server.baseUrl);
    else await runCli(run, runtime, prepared, server.baseUrl);
  } finally {
    await server.close();
  }
  run.ms = Date.now() - begun;
  return run;
}

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'runtimes-'));
let exitCode = 1;
try {
  console.log(`runtimes: ${selected.map((runtime) => runtime.id).join(', ')}; binaries cached in ${CACHE_DIR}`);
  // Runtime binaries install while the packages are packed; each failure stays with its runtime.
  const binaries = new Map(selected.filter((runtime) => runtime.kind !== 'edge' && runtime.kind !== 'browser')
    .map((runtime) => [runtime.id, binaryFor(runtime).catch((error) => ({ error }))]));
  const app = await prepareScratchApp(root, work, smokeDir);
  console.log(`packed and installed into ${app} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const settle = (promise) => promise.then((code) => ({ code }), (error) => ({ error }));
  const wants = (kind) => selected.some((runtime) => runtime.kind === kind);
  const prepared = {
    app,
    binaries,
    edge: wants('edge') ? settle(edgeBundle(app)) : undefined,
    browser: wants('browser') ? settle(browserBundle(app)) : undefined,
  };
  const runs = [];
  for (const runtime of selected) {
    const run = await runOne(runtime, prepared);
    printRuntime(run);
    runs.push(run);
  }
  const scan = scanPackedFiles(app);
  runs.push({ label: 'Packed files (static scan)', version: `${scan.files} dist files`, checks: scan.checks, ms: 0 });
  printRuntime(runs.at(-1));
  exitCode = printMatrix(runs, Date.now() - started);
} catch (error) {
  console.error(`\nruntime matrix stopped: ${error.message}`);
} finally {
  killRunning(); // a runtime install still going when a step failed
  if (process.env.KEEP_SCRATCH) console.log(`scratch project kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
