#!/usr/bin/env node
// Packs the packages with `pnpm pack` and installs only some tarballs into each of a few empty
// folders (zod comes from the registry), then runs them against the testing server: chat alone
// (ESM and CommonJS), files alone, and batches (with files, without chat). Proves each works on
// its own, as published.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'pack-install-'));
const tarballs = join(work, 'tarballs');
const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

/** Packs `folder` (under packages/) and returns its tarball's path. */
function pack(folder) {
  const before = new Set(readdirSync(tarballs));
  run('pnpm', ['pack', '--pack-destination', tarballs], join(root, 'packages', folder));
  return join(tarballs, readdirSync(tarballs).find((file) => !before.has(file)));
}

/** An empty project with only `packages` installed, and `scripts` (file name → source) written into it. */
function app(name, packages, scripts) {
  const directory = join(work, name);
  mkdirSync(directory);
  writeFileSync(join(directory, 'package.json'), JSON.stringify({ name: `pack-install-${name}`, private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', ...packages.map((folder) => packed[folder])], directory);
  for (const [file, source] of Object.entries(scripts)) {
    writeFileSync(join(directory, file), source);
    run('node', [file], directory);
  }
  return readdirSync(join(directory, 'node_modules', '@integrations')).join(', ');
}

const packed = {};
try {
  mkdirSync(tarballs);
  for (const folder of ['core', 'openai-chat', 'openai-files', 'openai-batches', 'openai-images', 'openai-audio', 'testing']) packed[folder] = pack(folder);

  const chat = app('chat', ['core', 'openai-chat', 'testing'], {
    'esm.mjs': `
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
    `,
    'cjs.cjs': `
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
    `,
  });

  const files = app('files', ['core', 'openai-files', 'testing'], {
    'files.mjs': `
      import { readFileSync, writeFileSync } from 'node:fs';
      import { createFilesService } from '@integrations/openai-files';
      import { startMockServer } from '@integrations/openai-testing';
      const server = await startMockServer();
      try {
        const files = createFilesService({ apiKey: 'sk-test', baseUrl: server.baseUrl });
        const bytes = new Uint8Array(300_000).map((_, index) => index % 251);
        writeFileSync('data.bin', bytes);
        const file = await files.upload({ file: { path: 'data.bin' }, purpose: 'user_data' });
        await files.download(file.id, 'copy.bin');
        const large = await files.uploads.uploadLarge({ file: { path: 'data.bin' }, purpose: 'batch', partSize: 100_000 });
        const content = new Uint8Array(await files.content(large.file.id));
        if (!readFileSync('copy.bin').equals(bytes) || !Buffer.from(content).equals(bytes)) throw new Error('the bytes came back different');
        if ((await files.list()).data.length !== 2) throw new Error('expected two files');
      } finally { await server.close(); }
    `,
    'files.cjs': `
      const { createFilesService, toFile } = require('@integrations/openai-files');
      const { startMockServer } = require('@integrations/openai-testing');
      (async () => {
        const server = await startMockServer();
        try {
          const files = createFilesService({ apiKey: 'sk-test', baseUrl: server.baseUrl });
          const file = await files.upload({ file: toFile(new TextEncoder().encode('{"a":1}'), 'a.jsonl'), purpose: 'batch' });
          if (new TextDecoder().decode(await files.content(file.id)) !== '{"a":1}') throw new Error('unexpected content');
        } finally { await server.close(); }
      })().catch((error) => { console.error(error); process.exit(1); });
    `,
  });

  const batches = app('batches', ['core', 'openai-files', 'openai-batches', 'testing'], {
    'batches.mjs': `
      import { createBatchesService } from '@integrations/openai-batches';
      import { startMockServer } from '@integrations/openai-testing';
      const server = await startMockServer({ batchStepMs: 5 });
      try {
        const batches = createBatchesService({ apiKey: 'sk-test', baseUrl: server.baseUrl });
        const requests = Array.from({ length: 5 }, (_, index) => ({ custom_id: 'q' + index, body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'n' + index }] } }));
        const batch = await batches.submit(requests, { endpoint: '/v1/chat/completions' });
        const done = await batches.waitFor(batch, { pollInterval: 5 });
        const results = await batches.resultsByCustomId(done);
        if (done.status !== 'completed' || results.get('q3').response.choices[0].message.content !== 'You said: n3') throw new Error('unexpected results');
      } finally { await server.close(); }
    `,
  });

  console.log(`pack install ok, each from packed tarballs only (+ zod):\n  chat: ${chat}; completed and streamed from ESM and CommonJS\n  files: ${files}; uploaded, listed, downloaded to disk, uploadLarge from ESM and CommonJS\n  batches: ${batches}; submitted, waited for and read results, without the chat package`);

  // Images and audio, each alone: bytes decoded and saved, speech streamed to disk and read back.
  const images = app('images', ['core', 'openai-images', 'testing'], {
    'images.mjs': `
      import { readFileSync } from 'node:fs';
      import { createImagesService, imageBytes, saveImages } from '@integrations/openai-images';
      import { encodePng, startMockServer } from '@integrations/openai-testing';
      const server = await startMockServer();
      try {
        const images = createImagesService({ apiKey: 'sk-test', baseUrl: server.baseUrl });
        const result = await images.generate({ model: 'gpt-image-1', prompt: 'packed', size: '1024x1536' });
        const [path] = await saveImages(result, 'out');
        const png = readFileSync(path);
        if (png.readUInt32BE(16) !== 1024 || png.readUInt32BE(20) !== 1536 || !png.equals(imageBytes(result))) throw new Error('unexpected image');
        const final = await images.editStream({ image: [await encodePng(8, 8), await encodePng(8, 8)], prompt: 'x', partial_images: 1 }).finalImage();
        if (final.type !== 'image_edit.completed') throw new Error('unexpected stream');
      } finally { await server.close(); }
    `,
    'images.cjs': `
      const { createImagesService, imageBytes } = require('@integrations/openai-images');
      const { startMockServer } = require('@integrations/openai-testing');
      (async () => {
        const server = await startMockServer();
        try {
          const result = await createImagesService({ apiKey: 'sk-test', baseUrl: server.baseUrl }).generate({ model: 'gpt-image-1', prompt: 'cjs' });
          if (imageBytes(result)[1] !== 0x50) throw new Error('not a PNG');
        } finally { await server.close(); }
      })().catch((error) => { console.error(error); process.exit(1); });
    `,
  });

  const audio = app('audio', ['core', 'openai-audio', 'testing'], {
    'audio.mjs': `
      import { createAudioService } from '@integrations/openai-audio';
      import { startMockServer } from '@integrations/openai-testing';
      const server = await startMockServer({ streamIntervalMs: 1 });
      try {
        const audio = createAudioService({ apiKey: 'sk-test', baseUrl: server.baseUrl });
        const saved = await audio.saveSpeech({ model: 'gpt-4o-mini-tts', voice: 'coral', input: 'Packed and spoken.', response_format: 'wav' }, 'spoken.wav');
        const { text } = await audio.transcribe({ file: { path: saved.path }, model: 'gpt-4o-transcribe' });
        const srt = await audio.transcribe({ file: { path: saved.path }, model: 'whisper-1', response_format: 'srt' });
        let chunks = 0;
        for await (const _chunk of audio.speechStream({ model: 'gpt-4o-mini-tts', voice: 'ash', input: 'Streamed.' })) chunks++;
        if (text !== 'Packed and spoken.' || !srt.includes('Packed and spoken.') || chunks < 2) throw new Error('unexpected audio');
      } finally { await server.close(); }
    `,
    'audio.cjs': `
      const { createAudioService } = require('@integrations/openai-audio');
      const { startMockServer } = require('@integrations/openai-testing');
      (async () => {
        const server = await startMockServer();
        try {
          const audio = createAudioService({ apiKey: 'sk-test', baseUrl: server.baseUrl });
          const speech = await audio.speech({ model: 'tts-1', voice: 'alloy', input: 'cjs', response_format: 'wav' });
          if (new TextDecoder().decode(new Uint8Array(speech, 0, 4)) !== 'RIFF') throw new Error('not a WAV');
        } finally { await server.close(); }
      })().catch((error) => { console.error(error); process.exit(1); });
    `,
  });
  console.log(`  images: ${images}; generated, saved to disk and streamed an edit from ESM and CommonJS\n  audio: ${audio}; spoke into a file, transcribed it back and streamed speech from ESM and CommonJS`);
} catch (error) {
  console.error(`pack install check failed: ${error.stderr || error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
