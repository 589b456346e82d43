// Tests run against src/ through the "@integrations/source" export condition, so a package's
// tests never need its dependencies built first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';

const sourceConditions = ['@integrations/source'];

/**
 * Builds the vitest config for the package in the current directory.
 * @param {import('vitest/config').UserConfig} [overrides]
 */
export function vitestPreset(overrides = {}) {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
  const base = defineConfig({
    define: { __PACKAGE_VERSION__: JSON.stringify(manifest.version) },
    resolve: { conditions: [...sourceConditions, 'module', 'node', 'development|production'] },
    ssr: { resolve: { conditions: [...sourceConditions, 'module', 'node', 'development|production'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 20_000,
      hookTimeout: 20_000,
      restoreMocks: true,
      unstubEnvs: true,
      // The JSON file feeds the plain "N passed, N failed" line printed by scripts/test-summary.mjs.
      reporters: ['default', 'json'],
      outputFile: { json: '.vitest-results.json' },
    },
  });
  return mergeConfig(base, overrides);
}
