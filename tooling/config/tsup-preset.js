// One build for every publishable package: ESM + CJS, .d.ts for both, sourcemaps, ES2022,
// and the package version baked in for the User-Agent header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds a tsup config for the package in the current directory.
 * @param {import('tsup').Options} [overrides]
 * @returns {import('tsup').Options}
 */
export function tsupPreset(overrides = {}) {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    // Shared chunks: index and internal entries must share one copy of each class.
    splitting: true,
    define: { __PACKAGE_VERSION__: JSON.stringify(manifest.version) },
    // Keep `node:fs/promises` as written: tsup strips the prefix by default, and a bundler run
    // with `--conditions=node` (or Deno, or an edge build) cannot resolve a bare `fs/promises`.
    removeNodeProtocol: false,
    // The maps point into the `src/` each package ships instead of embedding it a second time:
    // the installed size stays small (sources once, not once per map and format).
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
    ...overrides,
  };
}
