// Not a runtime: a scan of the packed JavaScript for Node built-ins imported without `node:`.
// Node, Bun and Deno all accept a bare `fs/promises` inside an npm package, so no runtime check
// can fail on it; bundlers and runtimes that only know the `node:` names do. It shows as its
// own row of the matrix, so a regression there is as visible as a failed runtime.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
const builtins = new Set(builtinModules);

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(c|m)?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * One check per installed @integrations package: its dist imports Node built-ins only as `node:x`.
 *
 * @example
 * const { checks, files } = scanPackedFiles(app);
 */
export function scanPackedFiles(app) {
  const scope = join(app, 'node_modules', '@integrations');
  let files = 0;
  const checks = readdirSync(scope).map((name) => {
    const dist = join(scope, name, 'dist');
    const bare = new Set();
    for (const file of jsFiles(dist)) {
      files += 1;
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        if (builtins.has(specifier)) bare.add(`'${specifier}' in ${relative(join(scope, name), file)}`);
      }
    }
    const detail = bare.size === 0 ? 'no bare Node built-in' : `bare built-ins (want node:): ${[...bare].join(', ')}`;
    return { name: `node: specifiers in @integrations/${name}`, ok: bare.size === 0, detail };
  });
  return { checks, files };
}
