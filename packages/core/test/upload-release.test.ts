/**
 * A `{ path }` upload whose server answers before reading the body releases its file at once,
 * not when the garbage collector gets to it. Open handles are counted through a wrapped
 * `node:fs/promises`.
 */
import { startLoopbackServer, type LoopbackServer } from '@integrations/test-kit';
import { mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOpenAICore } from '../src/index.js';
import { caught, TEST_API_KEY } from './helpers.js';

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
let server: LoopbackServer | undefined;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'upload-release-'));
  await (await import('node:fs/promises')).writeFile(join(directory, 'big.jsonl'), '');
  await truncate(join(directory, 'big.jsonl'), 32 * 1024 * 1024);
});
afterAll(async () => rm(directory, { recursive: true, force: true }));
afterEach(async () => server?.close());

describe('uploads the server did not read', () => {
  it('closes the file when the server answers 400 before reading the body', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json', connection: 'close' });
      response.end(JSON.stringify({ error: { message: 'purpose is wrong', type: 'invalid_request_error' } }));
    });
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', maxRetries: 0 });
    const error = await caught(() => core.postMultipart('/files', { body: { purpose: 'nope', file: { path: join(directory, 'big.jsonl') } } }));
    expect(error).toMatchObject({ status: 400 });
    await vi.waitFor(() => expect(files.open).toBe(0), { timeout: 2_000 });
  });
});
