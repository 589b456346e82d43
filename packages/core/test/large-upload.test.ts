/**
 * A 200 MB `{ path }` upload to a real loopback server. Disk reads are counted through a
 * wrapped `node:fs/promises`, so the test fails if the encoder ever reads far ahead of what the
 * server has received (as reading the file whole would).
 */
import { drainRequest, startLoopbackServer } from '@integrations/test-kit';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOpenAICore } from '../src/index.js';
import { TEST_API_KEY } from './helpers.js';

const disk = vi.hoisted(() => ({ bytesRead: 0, opens: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    async open(...args: Parameters<typeof actual.open>) {
      disk.opens++;
      const handle = await actual.open(...args);
      const read = handle.read.bind(handle) as (...readArgs: unknown[]) => Promise<{ bytesRead: number }>;
      (handle as unknown as { read: unknown }).read = async (...readArgs: unknown[]) => {
        const result = await read(...readArgs);
        disk.bytesRead += result.bytesRead;
        return result;
      };
      return handle;
    },
  };
});

const FILE_SIZE = 200 * 1024 * 1024;
/** Loopback socket buffers plus fetch's own queue stay well under this; a whole-file read does not. */
const MAX_READ_AHEAD = 16 * 1024 * 1024;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'large-upload-'));
  await writeFile(join(directory, 'big.jsonl'), '');
  await truncate(join(directory, 'big.jsonl'), FILE_SIZE); // sparse: no disk space used
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('large uploads', () => {
  it('streams a 200 MB file from disk to a loopback server in constant memory', async () => {
    let maxReadAhead = 0;
    let serverReceived = 0;
    const server = await startLoopbackServer(async (request, response) => {
      serverReceived = await drainRequest(request, async (received) => {
        maxReadAhead = Math.max(maxReadAhead, disk.bytesRead - received);
        // Take the body a little slower than the client can send it, so backpressure matters.
        if (received % (4 * 1024 * 1024) < 65_536) await new Promise((resolve) => setTimeout(resolve, 1));
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: 'file-big', bytes: serverReceived }));
    });
    try {
      let lastProgress = 0;
      const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off' });
      const result = await core.postMultipart<{ id: string; bytes: number }>(
        '/files',
        { body: { purpose: 'batch', file: { path: join(directory, 'big.jsonl') } } },
        { onUploadProgress: ({ loaded }) => (lastProgress = loaded) },
      );
      expect(result.id).toBe('file-big');
      expect(result.bytes).toBeGreaterThan(FILE_SIZE);
      expect(lastProgress).toBe(result.bytes);
      expect(disk.bytesRead).toBe(FILE_SIZE);
      expect(disk.opens).toBe(1);
      expect(maxReadAhead).toBeLessThan(MAX_READ_AHEAD);
      console.info(`200 MB upload: disk reads ran at most ${(maxReadAhead / 1024 / 1024).toFixed(2)} MiB ahead of the server`);
    } finally {
      await server.close();
    }
  }, 60_000);
});
