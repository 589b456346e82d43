import { reply, useMockApi } from '@integrations/test-kit';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caught, mockCore } from '../../test/helpers.js';
import { encodeMultipart, RequestError, toFile, type UploadProgress } from '../index.js';

const api = useMockApi();
const encoder = new TextEncoder();
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'multipart-'));
  await writeFile(join(directory, 'train.jsonl'), '{"prompt":"a"}\n{"prompt":"b"}\n');
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function* chunks(...parts: string[]) {
  for (const part of parts) yield encoder.encode(part);
}

describe('multipart uploads', () => {
  it('sends fields and a file from disk that the server parses as a form', async () => {
    api.on('POST', '/files', reply.json({ id: 'file-1' }));
    await mockCore().postMultipart('/files', { body: { purpose: 'fine-tune', file: { path: join(directory, 'train.jsonl') } } });
    expect(api.calls[0]!.parts).toEqual([
      { name: 'purpose', value: 'fine-tune' },
      expect.objectContaining({ name: 'file', filename: 'train.jsonl', contentType: 'application/jsonl', size: 30 }),
    ]);
    expect(api.calls[0]!.headers.get('content-length')).not.toBeNull();
  });

  it('accepts Blob, File, bytes, ArrayBuffer, web streams, async iterables and toFile()', async () => {
    api.on('POST', '/upload', reply.json({ ok: true }));
    await mockCore().postMultipart('/upload', {
      body: {
        blob: new Blob(['blob-data'], { type: 'text/plain' }),
        file: new File(['file-data'], 'notes.md'),
        bytes: toFile(encoder.encode('bytes-data'), 'data.bin'),
        buffer: toFile(encoder.encode('buffer-data').buffer as ArrayBuffer, 'speech.mp3'),
        stream: toFile(new Blob(['stream-data']).stream(), 'stream.txt', { type: 'text/x-custom' }),
        iterable: toFile(chunks('itera', 'ble-data'), 'iterable.wav'),
      },
    });
    const parts = api.calls[0]!.parts!;
    const byName = Object.fromEntries(parts.map((part) => [part.name, part]));
    expect(new TextDecoder().decode(byName.stream!.bytes)).toBe('stream-data');
    expect(new TextDecoder().decode(byName.iterable!.bytes)).toBe('iterable-data');
    expect(byName.file).toMatchObject({ filename: 'notes.md', contentType: 'text/markdown', size: 9 });
    expect(byName.blob).toMatchObject({ contentType: 'text/plain', size: 9 });
    expect(byName.buffer).toMatchObject({ filename: 'speech.mp3', contentType: 'audio/mpeg' });
    expect(byName.stream).toMatchObject({ contentType: 'text/x-custom' });
    // A stream's size is unknown, so no content-length can be promised.
    expect(api.calls[0]!.headers.get('content-length')).toBeNull();
  });

  it('sends arrays as name[] and nested objects as name[key]', async () => {
    api.on('POST', '/audio/transcriptions', reply.json({ text: 'hi' }));
    await mockCore().postMultipart('/audio/transcriptions', {
      body: { file: toFile(encoder.encode('RIFF'), 'a.wav'), timestamp_granularities: ['word', 'segment'], chunking_strategy: { type: 'auto' }, temperature: 0, stream: false },
    });
    expect(api.calls[0]!.parts!.filter((part) => part.value !== undefined)).toEqual([
      { name: 'timestamp_granularities[]', value: 'word' },
      { name: 'timestamp_granularities[]', value: 'segment' },
      { name: 'chunking_strategy[type]', value: 'auto' },
      { name: 'temperature', value: '0' },
      { name: 'stream', value: 'false' },
    ]);
  });

  it('computes the exact content length when every size is known', async () => {
    const body = await encodeMultipart({ purpose: 'batch', file: { path: join(directory, 'train.jsonl') } }, { boundary: 'B' });
    const bytes = await readAll(body.open());
    expect(body.contentLength).toBe(bytes.byteLength);
    expect(new TextDecoder().decode(bytes)).toBe(
      '--B\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n' +
      '--B\r\nContent-Disposition: form-data; name="file"; filename="train.jsonl"\r\nContent-Type: application/jsonl\r\n\r\n' +
      '{"prompt":"a"}\n{"prompt":"b"}\n\r\n--B--\r\n',
    );
  });

  it('escapes quotes and newlines in names and file names', async () => {
    const body = await encodeMultipart({ file: toFile(encoder.encode('x'), 'a"b\r\n.txt') }, { boundary: 'B' });
    expect(new TextDecoder().decode(await readAll(body.open()))).toContain('filename="a%22b%0D%0A.txt"');
  });

  it('re-opens a file from disk for a second attempt, but not a one-shot stream', async () => {
    const fromDisk = await encodeMultipart({ file: { path: join(directory, 'train.jsonl') } });
    expect(fromDisk.replayable).toBe(true);
    expect(await readAll(fromDisk.open())).toEqual(await readAll(fromDisk.open()));
    const oneShot = await encodeMultipart({ file: toFile(chunks('once'), 'once.txt') });
    expect(oneShot.replayable).toBe(false);
    await readAll(oneShot.open());
    await expect(readAll(oneShot.open())).rejects.toBeInstanceOf(RequestError);
  });

  it('reports progress up to the total', async () => {
    const progress: UploadProgress[] = [];
    const body = await encodeMultipart({ file: toFile(new Uint8Array(300_000), 'big.bin') });
    await readAll(body.open((event) => progress.push(event)));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toEqual({ loaded: body.contentLength, total: body.contentLength });
    expect(progress.every((event, index) => index === 0 || event.loaded > progress[index - 1]!.loaded)).toBe(true);
  });

  it('fails with a typed error, before sending, for a missing file', async () => {
    const error = await caught<RequestError>(() => mockCore().postMultipart('/files', { body: { file: { path: join(directory, 'missing.jsonl') } } }));
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('unsupported_upload');
    expect(api.calls).toHaveLength(0);
  });
});
