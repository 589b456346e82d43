/** Error names survive minification: `error.name` is fixed, not read from the (renamed) class. */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'minified-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('error names in a minified bundle', () => {
  it('reads RateLimitError, RequestError, ... after every class was renamed', async () => {
    const result = await build({
      entryPoints: [join(import.meta.dirname, '../src/errors/errors.ts')],
      bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false,
    });
    const file = join(work, 'errors.min.mjs');
    writeFileSync(file, result.outputFiles[0]!.text);
    const errors = await import(pathToFileURL(file).href);
    const names = ['ConfigurationError', 'AuthenticationError', 'RequestError', 'NetworkError', 'RateLimitError',
      'ServerError', 'ResponseError', 'ResourceError', 'ContentPolicyError'];
    for (const name of names) {
      const error = new errors[name]({ kind: 'x', message: 'm' });
      expect(error.constructor.name).not.toBe(name); // the minifier really renamed it
      expect(error.name).toBe(name);
      expect(String(error)).toBe(`${name}: m`);
    }
  });
});
