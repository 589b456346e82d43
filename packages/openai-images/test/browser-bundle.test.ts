/** A browser bundle of the package carries no Node built-in: saving images is behind core's `./write-file` entry and its `node` condition. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

async function bundle(platform: 'browser' | 'node'): Promise<string> {
  const result = await build({
    entryPoints: [entry], bundle: true, write: false, format: 'esm', platform, logLevel: 'silent',
    conditions: ['@integrations/source', ...(platform === 'node' ? ['node'] : [])], external: platform === 'node' ? ['node:*'] : [],
  });
  return result.outputFiles[0]!.text;
}

describe('bundles', () => {
  it('has no node: import in a browser bundle, and the disk writer in a Node one', async () => {
    expect(await bundle('browser')).not.toMatch(/node:fs|node:path|node:crypto/);
    expect(await bundle('node')).toMatch(/node:fs\/promises/);
  });
});
