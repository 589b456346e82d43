// Runs TypeScript sources from a plain `node` script, without a build or tsx: esbuild bundles
// an entry (workspace packages through their "@integrations/source" condition, as the tests
// resolve them) into a temporary file, which is imported and then removed.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Bundles `entry` (TypeScript source text resolved from `resolveDir`) and returns its exports.
 *
 * @example
 * const { main } = await importTypeScript(`export { main } from './main.ts';`, sourceDir);
 */
export async function importTypeScript(entry, resolveDir) {
  const work = mkdtempSync(join(tmpdir(), 'import-typescript-'));
  try {
    const outfile = join(work, 'entry.mjs');
    await build({
      stdin: { contents: entry, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['@integrations/source'],
      define: { __PACKAGE_VERSION__: '"0.0.0-tooling"' },
      // yaml ships CommonJS that requires Node built-ins; give the ESM bundle a real `require`.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'error',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
