#!/usr/bin/env node
// Packs core, chat and the testing server with `pnpm pack`, installs only those tarballs into an
// empty folder (zod comes from the registry), and completes a chat against the testing server
// from ESM and from CommonJS. Proves `@integrations/openai-chat` works on its own, as published.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'pack-install-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

try {
  for (const name of ['core', 'openai-chat', 'testing']) run('pnpm', ['pack', '--pack-destination', tarballs], join(root, 'packages', name));
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-install-check', private: true, type: 'module' }));
  const files = readdirSync(tarballs).map((file) => join(tarballs, file));
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', ...files], app);
  writeFileSync(join(app, 'esm.mjs'), `
    import { createChatService } from '@integrations/openai-chat';
    import { startMockServer } from '@integrations/openai-testing';
    const server = await startMockServer();
    try {
      const chat = createChatService({ apiKey: 'sk-test', baseUrl: server.baseUrl });
      const completion = await chat.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'packed' }] });
      let streamed = '';
      for await (const text of chat.createStream({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'streamed' }] }).textStream()) streamed += text;
      if (completion.choices[0].message.content !== 'You said: packed' || streamed !== 'You said: streamed') throw new Error('unexpected answers');
    } finally { await server.close(); }
  `);
  writeFileSync(join(app, 'cjs.cjs'), `
    const { createChatService } = require('@integrations/openai-chat');
    const { startMockServer } = require('@integrations/openai-testing');
    (async () => {
      const server = await startMockServer();
      try {
        const chat = createChatService({ apiKey: 'sk-test', baseUrl: server.baseUrl });
        const completion = await chat.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'required' }] });
        if (completion.choices[0].message.content !== 'You said: required') throw new Error('unexpected answer');
      } finally { await server.close(); }
    })().catch((error) => { console.error(error); process.exit(1); });
  `);
  run('node', ['esm.mjs'], app);
  run('node', ['cjs.cjs'], app);
  const installed = readdirSync(join(app, 'node_modules', '@integrations')).join(', ');
  console.log(`pack install ok: only ${installed} (+ zod) installed from packed tarballs; chat completed and streamed from ESM and CommonJS`);
} catch (error) {
  console.error(`pack install check failed: ${error.stderr || error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
