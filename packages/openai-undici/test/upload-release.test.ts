/**
 * A `{ path }` upload sent through undici releases its file as soon as the request ends early:
 * aborted midway, or answered before the server read it. Open file handles are counted through
 * a wrapped `node:fs/promises` (core's file reader opens the file with it).
 */
import { createOpenAICore } from '@integrations/openai-core';
import { startLoopbackServer, type LoopbackServer } from '@integrations/test-kit';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { undiciTransport, type UndiciTransport } from '../src/index.js';

const files = vi.hoisted(() => ({ open: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    async open(...args: Parameters<typeof actual.open>) {
      const handle = await actual.open(...args);
      files.open++;
      const close = handle.close.bind(handle);
      (handle as { close: () => Promise<void> }).close = async () => {
        files.open--;
        return close();
      };
      return handle;
    },
  };
});

let directory: string;
let path: string;
let server: LoopbackServer | undefined;
let transport: UndiciTransport | undefined;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'undici-upload-release-'));
  path = join(directory, 'big.jsonl');
  await writeFile(path, '');
  await truncate(path, 32 * 1024 * 1024);
});
afterAll(() => rm(directory, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all([server?.close(), transport?.close()]);
  server = undefined;
  transport = undefined;
});

function coreAt(baseUrl: string) {
  transport = undiciTransport();
  return createOpenAICore({ apiKey: 'sk-test-undici', baseUrl, logLevel: 'off', maxRetries: 0, transport });
}

describe('uploads through undici that end early', () => {
  it('closes the file when the server answers 400 before reading the upload', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json', connection: 'close' });
      response.end(JSON.stringify({ error: { message: 'purpose is wrong', type: 'invalid_request_error', code: null, param: 'purpose' } }));
    });
    await expect(coreAt(server.baseUrl).postMultipart('/files', { body: { purpose: 'nope', file: { path } } })).rejects.toMatchObject({ status: 400 });
    await vi.waitFor(() => expect(files.open).toBe(0));
  });
});
