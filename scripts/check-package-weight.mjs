#!/usr/bin/env node
// Run by `pnpm test` after size-limit (bundle budgets, .size-limit.mjs). Two checks on the built
// packages:
// 1. Importing a package loads no zod: every main entry is imported (ESM and CommonJS) in a
//    fresh Node with zod made unresolvable; zod may load only on first use (the request
//    schemas, the option checks), which is what keeps a cold import cheap.
// 2. What a chat-only install puts on disk from our packages (core + chat, as `npm pack`
//    lists their files; zod, a peer, excluded) stays within its budget.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const INSTALLED_BUDGET = 1.5 * 1024 * 1024;
const PACKAGES = {
  core: '@integrations/openai-core',
  'openai-chat': '@integrations/openai-chat',
  'openai-embeddings': '@integrations/openai-embeddings',
  'openai-models': '@integrations/openai-models',
  'openai-moderations': '@integrations/openai-moderations',
  'openai-files': '@integrations/openai-files',
  'openai-batches': '@integrations/openai-batches',
  'openai-images': '@integrations/openai-images',
  'openai-audio': '@integrations/openai-audio',
  openai: '@integrations/openai',
};
const failures = [];

// A resolve hook (ESM) and a resolver patch (CommonJS) that refuse zod, so an eager import fails.
const refuseZodHook = `export async function resolve(specifier, context, next) {
  if (/^zod(\\/|$)/.test(specifier)) throw new Error('zod imported at load time by ' + context.parentURL);
  return next(specifier, context);
}`;
const esm = (name) => `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(refuseZodHook)}));
await import(${JSON.stringify(name)});`;
const cjs = (name) => `const Module = require('node:module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (/^zod(\\/|$)/.test(request)) throw new Error('zod required at load time by ' + (parent && parent.filename));
  return resolveFilename.call(this, request, parent, ...rest);
};
require(${JSON.stringify(name)});`;

for (const [folder, name] of Object.entries(PACKAGES)) {
  const cwd = join(root, 'packages', folder); // a package resolves its own name through its exports
  for (const [format, args] of [['ESM', ['--input-type=module', '-e', esm(name)]], ['CommonJS', ['-e', cjs(name)]]]) {
    try {
      execFileSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      const message = String(error.stderr).split('\n').find((line) => line.includes('zod')) ?? String(error.stderr).trim().split('\n').slice(-3).join(' ');
      failures.push(`${name} (${format}) loads zod on import: ${message}`);
    }
  }
}

/** The unpacked size of a package's tarball, as `npm pack` would make it. */
function installedSize(folder) {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(root, 'packages', folder), stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(String(output))[0].unpackedSize;
}
const chatInstall = installedSize('core') + installedSize('openai-chat');
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
if (chatInstall > INSTALLED_BUDGET) failures.push(`core + chat install ${mib(chatInstall)} from our packages, over the ${mib(INSTALLED_BUDGET)} budget`);

if (failures.length > 0) {
  console.error(`package weight check failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`package weight ok: ${Object.keys(PACKAGES).length} packages import without zod (ESM and CommonJS); core + chat install ${mib(chatInstall)} (budget ${mib(INSTALLED_BUDGET)}, zod excluded)`);
