/** Files and uploads against the testing package's mock server, over real sockets. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startMockServer, type MockServer } from '@integrations/openai-testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFilesService } from '../src/index.js';
import { caught, clientOptions, scratchDirectory } from './helpers.js';

let server: MockServer;
let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
const content = Uint8Array.from({ length: 200_000 }, (_, index) => (index * 13) % 256);
beforeAll(async () => {
  server = await startMockServer();
  scratch = await scratchDirectory();
  await writeFile(join(scratch.path, 'data.bin'), content);
});
afterEach(() => server.reset());
afterAll(async () => {
  await server.close();
  await scratch.remove();
});

describe('files over a real socket', () => {
  it('round-trips a file: upload from disk, list, retrieve, download, delete', async () => {
    const files = createFilesService(clientOptions(server.baseUrl));
    const file = await files.upload({ file: { path: join(scratch.path, 'data.bin') }, purpose: 'user_data' });
    expect((await files.list()).data.map((each) => each.id)).toEqual([file.id]);
    expect(await files.retrieve(file.id)).toEqual(file);
    const target = join(scratch.path, 'copy.bin');
    await files.download(file.id, target);
    expect((await readFile(target)).equals(content)).toBe(true);
    expect(Buffer.from(await files.content(file.id)).equals(content)).toBe(true);
    expect((await files.delete(file.id)).deleted).toBe(true);
  });

  it('uploads a large file in parallel parts, one failing once, and completes it', async () => {
    let failed = false;
    server.faults.when((request) => (!failed && request.path.endsWith('/parts') && request.text.includes('filename="part-2"') ? ((failed = true), { status: 503 }) : undefined));
    const files = createFilesService(clientOptions(server.baseUrl, { maxRetries: 2 }));
    const upload = await files.uploads.uploadLarge({ file: { path: join(scratch.path, 'data.bin') }, purpose: 'batch', partSize: 32 * 1024, concurrency: 4 });
    expect(failed).toBe(true);
    expect(upload.file?.bytes).toBe(content.byteLength);
    expect(Buffer.from(await files.content(upload.file!.id)).equals(content)).toBe(true);
    expect(server.requests.filter((request) => request.path.endsWith('/parts'))).toHaveLength(Math.ceil(content.byteLength / (32 * 1024)) + 1);
  });

  it('aborts a large upload mid-way: a typed abort, the upload cancelled on the server, no file made', async () => {
    server.faults.when((request) => (request.path.endsWith('/parts') && !request.text.includes('filename="part-0"') ? { stall: true } : undefined));
    const controller = new AbortController();
    const files = createFilesService(clientOptions(server.baseUrl));
    const error = await caught(() => files.uploads.uploadLarge({
      file: { path: join(scratch.path, 'data.bin') }, purpose: 'batch', partSize: 32 * 1024, concurrency: 2, signal: controller.signal,
      onProgress: ({ partsDone }) => partsDone === 1 && controller.abort(),
    }));
    expect(error).toMatchObject({ kind: 'aborted' });
    const [upload] = server.files.uploads.values();
    expect(upload!.object.status).toBe('cancelled');
    expect(server.files.files.size).toBe(0);
    const parts = server.requests.filter((request) => request.path.endsWith('/parts'));
    expect(parts.length).toBeLessThanOrEqual(3);
  });
});
