#!/usr/bin/env node
// Type-checks every ```ts snippet of the packages' READMEs, so the docs cannot drift from the
// code. Each README becomes one module: its imports are hoisted, its first snippet is the setup
// the others read (a `chat` made there is used further down, as a reader would), and each later
// snippet sits in its own block so two snippets may both declare `completion`. The modules are
// compiled from inside tooling/readme-check, which depends on every package.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const work = join(root, 'tooling', 'readme-check', '.snippets');
const readmes = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name, 'README.md'))
  .filter((file) => existsSync(file));

/** The ```ts blocks of a README, in order. */
function snippets(markdown) {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
}

/** One module per README: imports merged and first, the first snippet at top level, the rest in blocks. */
function moduleOf(blocks) {
  const named = new Map(); // module → names imported with `import { ... } from`
  const other = new Set();
  const bodies = blocks.map((block) => block.split('\n').filter((line) => {
    const braces = /^import\s+\{([^}]*)\}\s+from\s+'([^']+)';?$/.exec(line);
    if (braces) {
      const names = named.get(braces[2]) ?? new Set();
      for (const name of braces[1].split(',').map((part) => part.trim()).filter(Boolean)) names.add(name);
      named.set(braces[2], names);
      return false;
    }
    if (/^import\s/.test(line)) {
      other.add(line);
      return false;
    }
    return true;
  }).join('\n'));
  const imports = [...named].map(([from, names]) => `import { ${[...names].join(', ')} } from '${from}';`);
  const [setup = '', ...rest] = bodies;
  return [...imports, ...other, 'export {};', setup, ...rest.map((body) => `{\n${body}\n}`)].join('\n');
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const files = [];
for (const readme of readmes) {
  const blocks = snippets(readFileSync(readme, 'utf8'));
  if (blocks.length === 0) continue;
  const file = join(work, `${relative(join(root, 'packages'), readme).split('/')[0]}.ts`);
  writeFileSync(file, moduleOf(blocks));
  files.push({ file, readme, count: blocks.length });
}

const options = {
  target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  customConditions: ['@integrations/source'], strict: true, noEmit: true, skipLibCheck: true, types: ['node'],
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'], noUnusedLocals: false,
};
const program = ts.createProgram(files.map((entry) => entry.file), options);
let failures = 0;
for (const { file, readme } of files) {
  const source = program.getSourceFile(file);
  for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
    failures++;
    const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const text = source.text.split('\n')[line]?.trim();
    console.error(`${relative(root, readme)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0]}\n    ${text}`);
  }
}
rmSync(work, { recursive: true, force: true });
const total = files.reduce((sum, entry) => sum + entry.count, 0);
if (failures > 0) {
  console.error(`README snippets: ${failures} type error(s) in ${total} snippets`);
  process.exit(1);
}
console.log(`README snippets ok: ${total} snippets in ${files.length} READMEs type-check against the sources`);
