/**
 * A 128 MiB `{ path }` upload through undici to a loopback server that reads a little slower
 * than the client sends. Disk reads are counted through a wrapped `node:fs/promises`, so the
 * test fails if the upload is ever read far ahead of what the server has received.
 */
import { createOpenAICore } from '@integrations/openai-core';
import { drainRequest, startLoopbackServer } from '@integrations/test-kit';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { undiciTransport } from '../src/index.js';

const disk = vi.hoisted(() => ({ bytesRead: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    async open(...args: Parameters<typeof actual.open>) {
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

const FILE_SIZE = 128 * 1024 * 1024;
/** Socket buffers and the stream queues on both sides stay well under this; a whole-file read does not. */
const MAX_READ_AHEAD = 16 * 1024 * 1024;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'undici-large-upload-'));
  await writeFile(join(directory, 'big.jsonl'), '');
  await truncate(join(directory, 'big.jsonl'), FILE_SIZE); // sparse: no disk space used
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('large uploads through undici', () => {
  it('reads a 128 MiB file from disk only as fast as the server takes it', async () => {
    let maxReadAhead = 0;
    const server = await startLoopbackServer(async (request, response) => {
      const received = await drainRequest(request, async (bytes) => {
        maxReadAhead = Math.max(maxReadAhead, disk.bytesRead - bytes);
        // A little slower than the client can send, so backpressure matters.
        if (bytes % (4 * 1024 * 1024) < 65_536) await new Promise((resolve) => setImmediate(resolve));
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: 'file-big', bytes: received }));
    });
    const transport = undiciTransport();
    try {
      const core = createOpenAICore({ apiKey: 'sk-test-undici', baseUrl: server.baseUrl, logLevel: 'off', transport });
      const result = await core.postMultipart<{ id: string; bytes: number }>('/files', { body: { purpose: 'batch', file: { path: join(directory, 'big.jsonl') } } });
      expect(result.bytes).toBeGreaterThan(FILE_SIZE);
      expect(disk.bytesRead).toBe(FILE_SIZE);
      console.info(`read ahead at most ${(maxReadAhead / 1048576).toFixed(2)} MiB`);
      expect(maxReadAhead).toBeLessThan(MAX_READ_AHEAD);
    } finally {
      await Promise.all([server.close(), transport.close()]);
    }
  }, 60_000);
});
