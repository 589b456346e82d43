/** Uploads over real sockets: a reset mid-body retried from disk, a redirect refused, an abort. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RequestError } from '@integrations/openai-core';
import { drainRequest, startLoopbackServer, type LoopbackServer } from '@integrations/test-kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFilesService } from '../src/index.js';
import { caught, clientOptions, scratchDirectory, signalled } from './helpers.js';

let server: LoopbackServer | undefined;
let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
const size = 2 * 1024 * 1024;
const content = Uint8Array.from({ length: size }, (_, index) => index % 253);
beforeEach(async () => {
  scratch = await scratchDirectory();
  await writeFile(join(scratch.path, 'train.jsonl'), content);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await scratch.remove();
});

const fileObject = { id: 'file-1', object: 'file', bytes: size, created_at: 1, filename: 'train.jsonl', purpose: 'fine-tune', status: 'processed' };

describe('files.upload over a real socket', () => {
  it('re-sends a { path } upload from disk after a reset mid-body', async () => {
    const bodies: number[] = [];
    server = await startLoopbackServer(async (request, response) => {
      if (bodies.length === 0) {
        bodies.push(await new Promise<number>((resolve) => {
          let received = 0;
          request.on('data', (chunk: Buffer) => {
            received += chunk.byteLength;
            if (received >= 64 * 1024) {
              resolve(received);
              request.socket.destroy();
            }
          });
        }));
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      bodies.push(body.byteLength);
      expect(body.includes(Buffer.from(content.subarray(size - 4096)))).toBe(true);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fileObject));
    });
    const files = createFilesService(clientOptions(server.baseUrl, { maxRetries: 1 }));
    const file = await files.upload({ file: { path: join(scratch.path, 'train.jsonl') }, purpose: 'fine-tune' });
    expect(file.id).toBe('file-1');
    expect(server.requestCount).toBe(2);
    expect(bodies[0]).toBeLessThan(size);
    expect(bodies[1]).toBeGreaterThan(size);
  });

  it.each([307, 308, 302, 303])('refuses a %i redirect answered to an upload with a typed error, never re-sending the body', async (status) => {
    const paths: string[] = [];
    server = await startLoopbackServer(async (request, response) => {
      paths.push(request.url ?? '');
      await drainRequest(request);
      if (request.url === '/v1/files') response.writeHead(status, { location: '/v1/elsewhere' }).end();
      else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fileObject));
    });
    const files = createFilesService(clientOptions(server.baseUrl, { maxRetries: 2 }));
    const error = await caught(() => files.upload({ file: { path: join(scratch.path, 'train.jsonl') }, purpose: 'fine-tune' }));
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'redirect_refused', retryable: false });
    expect(paths).toEqual(['/v1/files']);
  });

  it('aborts an upload mid-body with a typed abort, and the server sees the connection close', async () => {
    const received = signalled<number>();
    const closed = signalled();
    server = await startLoopbackServer((request) => {
      let bytes = 0;
      request.on('data', (chunk: Buffer) => {
        bytes += chunk.byteLength;
        if (bytes >= 64 * 1024) received.resolve(bytes);
      });
      request.socket.on('close', () => closed.resolve());
    });
    const controller = new AbortController();
    const files = createFilesService(clientOptions(server.baseUrl));
    const uploading = files.upload({ file: { path: join(scratch.path, 'train.jsonl') }, purpose: 'fine-tune' }, { signal: controller.signal });
    expect(await received.promise).toBeLessThan(size);
    controller.abort();
    const error = await caught(() => uploading);
    expect(error).toMatchObject({ kind: 'aborted' });
    await closed.promise;
    expect(server.requestCount).toBe(1);
  });
});
