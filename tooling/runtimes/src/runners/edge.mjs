// The edge runtime: the bundled smoke evaluated in an EdgeVM (@edge-runtime/vm, the runtime of
// `edge-runtime` and Vercel's edge functions), which offers web APIs only. It runs in this
// process, so it gets the same per-check timeouts plus one overall deadline.
import { EdgeVM } from '@edge-runtime/vm';
import { createRequire } from 'node:module';

const SMOKE_TIMEOUT_MS = 90_000;

/** The version of the @edge-runtime/vm in use. */
export function edgeVersion() {
  const require = createRequire(import.meta.url);
  return `@edge-runtime/vm ${require('@edge-runtime/vm/package.json').version}`;
}

/** Runs the smoke bundle `code` inside a fresh EdgeVM against `baseUrl`. */
export async function runEdgeSmoke({ code, baseUrl }) {
  const vm = new EdgeVM();
  let timer;
  try {
    vm.evaluate(code);
    // JSON across the realm boundary: the results are plain data either way.
    const json = vm.evaluate(`__smoke.runSmoke({ baseUrl: ${JSON.stringify(baseUrl)}, log: () => {} }).then((results) => JSON.stringify(results))`);
    const deadline = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${SMOKE_TIMEOUT_MS} ms`)), SMOKE_TIMEOUT_MS)));
    return JSON.parse(await Promise.race([json, deadline]));
  } catch (error) {
    return [{ name: 'smoke script', ok: false, detail: `${error?.name}: ${error?.message}` }];
  } finally {
    clearTimeout(timer);
  }
}
