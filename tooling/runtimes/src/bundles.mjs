// Bundles the smoke with the installed tarballs for the runtimes without a module resolver of
// their own: a minified ES module for the browser (as an app would ship it, so a class name a
// minifier renamed shows up) and a script for the edge VM. No Node built-in may get in.
import { build } from 'esbuild';
import { join } from 'node:path';

async function bundle(app, options) {
  const result = await build({
    absWorkingDir: app,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    ...options,
  });
  return result.outputFiles[0].text;
}

/** The browser page's module: smoke/browser.mjs and the packages, minified. */
export function browserBundle(app) {
  return bundle(app, { entryPoints: [join(app, 'smoke', 'browser.mjs')], format: 'esm', minify: true });
}

/**
 * The edge runtime's script: defines `globalThis.__smoke.runSmoke`. Resolved with the conditions
 * edge bundlers use (`edge-light`, `worker`, `browser`).
 */
export function edgeBundle(app) {
  return bundle(app, {
    entryPoints: [join(app, 'smoke', 'smoke.mjs')],
    format: 'iife',
    globalName: '__smoke',
    conditions: ['edge-light', 'worker'],
  });
}

/** A bundle that does not build is the packages' failure (a Node built-in, say), not a missing runtime. */
export function bundleFailure(which, error) {
  const reason = error.message.split('\n').filter(Boolean).slice(0, 4).join(' / ');
  return { name: 'bundle', ok: false, detail: `esbuild could not bundle the packages for ${which}: ${reason}` };
}
