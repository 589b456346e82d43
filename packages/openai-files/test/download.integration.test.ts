/** Downloads over real sockets: streamed to disk atomically, nothing left behind on a reset or an abort. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getResponseMeta, NetworkError } from '@integrations/openai-core';
import { startLoopbackServer, type LoopbackServer } from '@integrations/test-kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFilesService } from '../src/index.js';
import { caught, clientOptions, scratchDirectory, signalled } from './helpers.js';

let server: LoopbackServer | undefined;
let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
const size = 3 * 1024 * 1024;
const content = Buffer.from(Uint8Array.from({ length: size }, (_, index) => (index * 31) % 256));
beforeEach(async () => (scratch = await scratchDirectory()));
afterEach(async () => {
  await server?.close();
  server = undefined;
  await scratch.remove();
});

/** A server that sends the first `sent` bytes of the content, then does `then`. */
function partialServer(sent: number, then: 'reset' | 'stall' | 'finish', reached = signalled(), closed = signalled()) {
  return startLoopbackServer((request, response) => {
    request.socket.on('close', () => closed.resolve());
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size), 'x-request-id': 'req_dl' });
    response.write(content.subarray(0, sent), () => {
      reached.resolve();
      if (then === 'reset') setTimeout(() => request.socket.destroy(), 5);
      if (then === 'finish') response.end(content.subarray(sent));
    });
  });
}

describe('files.download', () => {
  it('streams the content to disk, replacing an existing file whole, leaving no temp file', async () => {
    server = await partialServer(1024 * 1024, 'finish');
    const target = join(scratch.path, 'out.bin');
    await writeFile(target, 'old content');
    const result = await createFilesService(clientOptions(server.baseUrl)).download('file-1', target);
    expect(result).toEqual({ path: target, bytes: size });
    expect(getResponseMeta(result)?.requestId).toBe('req_dl');
    expect((await readFile(target)).equals(content)).toBe(true);
    expect(await scratch.entries()).toEqual(['out.bin']);
  });

  it('leaves nothing at the path when the connection resets mid-body', async () => {
    server = await partialServer(512 * 1024, 'reset');
    const target = join(scratch.path, 'out.bin');
    const error = await caught(() => createFilesService(clientOptions(server!.baseUrl)).download('file-1', target));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'stream_interrupted' });
    expect(await scratch.entries()).toEqual([]);
  });

  it('keeps the old file untouched when a download over it fails', async () => {
    server = await partialServer(512 * 1024, 'reset');
    const target = join(scratch.path, 'out.bin');
    await writeFile(target, 'old content');
    await caught(() => createFilesService(clientOptions(server!.baseUrl)).download('file-1', target));
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await scratch.entries()).toEqual(['out.bin']);
  });

  it('aborts mid-body: a typed abort, the socket freed, nothing left', async () => {
    const reached = signalled();
    const closed = signalled();
    server = await partialServer(512 * 1024, 'stall', reached, closed);
    const controller = new AbortController();
    const target = join(scratch.path, 'out.bin');
    const downloading = createFilesService(clientOptions(server.baseUrl)).download('file-1', target, { signal: controller.signal });
    await reached.promise;
    controller.abort();
    expect(await caught(() => downloading)).toMatchObject({ kind: 'aborted' });
    await closed.promise;
    expect(await scratch.entries()).toEqual([]);
  });

  it('reports a directory that does not exist as a typed error, and frees the socket', async () => {
    const closed = signalled();
    server = await partialServer(10, 'stall', signalled(), closed);
    const error = await caught(() => createFilesService(clientOptions(server!.baseUrl)).download('file-1', join(scratch.path, 'missing', 'out.bin')));
    expect(error).toMatchObject({ kind: 'file_write_failed' });
    await closed.promise;
  });
});

describe('files.contentStream', () => {
  it('aborts mid-body with abort(): a typed abort on the next read, the socket freed', async () => {
    const reached = signalled();
    const closed = signalled();
    server = await partialServer(64 * 1024, 'stall', reached, closed);
    const stream = createFilesService(clientOptions(server.baseUrl)).contentStream('file-1');
    const reader = stream.getReader();
    await reader.read();
    stream.abort();
    expect(await caught(() => reader.read())).toMatchObject({ kind: 'aborted' });
    await closed.promise;
  });

  it('hands over the body unread; cancel() frees the socket', async () => {
    const reached = signalled();
    const closed = signalled();
    server = await partialServer(64 * 1024, 'stall', reached, closed);
    const stream = createFilesService(clientOptions(server.baseUrl)).contentStream('file-1');
    expect((await stream.responseMeta).headers['content-length']).toBe(String(size));
    expect(getResponseMeta(stream)?.requestId).toBe('req_dl');
    const reader = stream.getReader();
    expect((await reader.read()).value!.byteLength).toBeGreaterThan(0);
    await reader.cancel();
    await closed.promise;
  });

  it('errors the stream with a typed timeout when the body stalls', async () => {
    server = await partialServer(1024, 'stall');
    const stream = createFilesService(clientOptions(server.baseUrl)).contentStream('file-1', { streamIdleTimeout: 50 });
    const error = await caught(() => new Response(stream).arrayBuffer());
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
  });
});
