/** Images against the real loopback mock server: real sockets, streamed uploads and events. */
import { NetworkError, RequestError } from '@integrations/openai-core';
import { encodePng, startMockServer, type MockServer } from '@integrations/openai-testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createImagesService, imageBytes, saveImages } from '../src/index.js';
import { caught, formOf, pngDimensions } from './helpers.js';

let server: MockServer;
let directory: string;
beforeAll(async () => {
  server = await startMockServer();
  directory = mkdtempSync(join(tmpdir(), 'images-integration-'));
});
afterEach(() => server.reset());
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

const images = (options: Record<string, unknown> = {}) => createImagesService({ apiKey: 'sk-test', baseUrl: server.baseUrl, logLevel: 'off', maxRetries: 0, ...options });

describe('images over a real socket', () => {
  it('re-opens a { path } upload from disk for the retry after a connection reset', async () => {
    const png = await encodePng(48, 32);
    const path = join(directory, 'source.png');
    writeFileSync(path, png);
    server.faults.next({ path: '/images/edits', reset: 'before-headers' });
    const result = await images({ maxRetries: 1, retry: { initialBackoffMs: 1 } }).edit({ image: [{ path }, { path }], prompt: 'Add snow', model: 'gpt-image-1' });
    expect(pngDimensions(imageBytes(result))).toEqual({ width: 48, height: 32 });
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      const files = (await formOf(request)).getAll('image[]') as File[];
      expect(files.map((file) => file.name)).toEqual(['source.png', 'source.png']);
      for (const file of files) expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);
    }
  });

  it('streams partial images of a generation as they are sent', async () => {
    const stream = images().generateStream({ model: 'gpt-image-1', prompt: 'A harbour', partial_images: 3, size: '1024x1024' });
    const indexes: number[] = [];
    for await (const event of stream) if (event.type === 'image_generation.partial_image') indexes.push(event.partial_image_index);
    expect(indexes).toEqual([0, 1, 2]);
    const final = await stream.finalImage();
    expect(pngDimensions(imageBytes(final))).toEqual({ width: 1024, height: 1024 });
  });

  it('ends a stalled edit stream with a typed stream_idle timeout and frees the connection', async () => {
    server.faults.next({ path: '/images/edits', streamCut: 'stall', afterEvents: 1 });
    const stream = images({ streamIdleTimeout: 100 }).editStream({ image: await encodePng(8, 8), prompt: 'x', partial_images: 2 });
    const error = await caught<NetworkError>(async () => {
      for await (const _event of stream) { /* the first partial image arrives, then nothing */ }
    });
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
    // The server saw the client leave: the next call is answered at once on a fresh connection.
    expect((await images().generate({ model: 'gpt-image-1', prompt: 'next' })).data).toHaveLength(1);
  });

  it('stops a streamed edit on abort() with a typed aborted error', async () => {
    const stream = images().editStream({ image: await encodePng(8, 8), prompt: 'x', partial_images: 3 });
    const error = await caught<RequestError>(async () => {
      for await (const _event of stream) stream.abort();
    });
    expect(error.kind).toBe('aborted');
  });

  it('saves generated images to disk', async () => {
    const result = await images().generate({ model: 'gpt-image-1', prompt: 'Three boats', n: 3, size: '1024x1536' });
    const paths = await saveImages(result, join(directory, 'boats'), { name: 'boat' });
    expect(paths.map((path) => path.split('/').pop())).toEqual(['boat-0.png', 'boat-1.png', 'boat-2.png']);
  });
});
