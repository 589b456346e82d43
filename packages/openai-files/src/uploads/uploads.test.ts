import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerError, toFile, type Uploadable } from '@integrations/openai-core';
import { caught, MOCK_CLIENT_OPTIONS, useMockOpenAI } from '@integrations/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilesService, createUploadsService, type UploadLargeProgress } from '../index.js';

const mock = useMockOpenAI();
const uploads = (options = {}) => createUploadsService({ ...MOCK_CLIENT_OPTIONS, ...options });
/** 10,000 bytes that differ from part to part, so an out-of-order part would show. */
const content = Uint8Array.from({ length: 10_000 }, (_, index) => (index * 7 + (index >> 8)) % 251);
const stored = (upload: { file?: { id: string } | null }) => mock.files.files.get(upload.file!.id)!.content;
const partRequests = () => mock.requests.filter((request) => request.path.endsWith('/parts'));
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'uploads-unit-'));
  await writeFile(join(directory, 'big.bin'), content);
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function* inPieces(size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < content.byteLength; offset += size) yield content.slice(offset, offset + size);
}

describe('uploads: the plain methods', () => {
  it('creates an upload, adds parts, completes them in the order given', async () => {
    const service = uploads();
    const upload = await service.create({ filename: 'a.txt', purpose: 'assistants', bytes: 6, mime_type: 'text/plain' });
    expect(upload).toMatchObject({ object: 'upload', status: 'pending', bytes: 6 });
    const second = await service.addPart(upload.id, { data: toFile(new TextEncoder().encode('def'), 'p2') });
    const first = await service.addPart(upload.id, { data: toFile(new TextEncoder().encode('abc'), 'p1') });
    expect(second).toMatchObject({ object: 'upload.part', upload_id: upload.id });
    const done = await service.complete(upload.id, { part_ids: [first.id, second.id] });
    expect(done.status).toBe('completed');
    expect(new TextDecoder().decode(stored(done))).toBe('abcdef');
    expect(mock.requests.at(-1)!.json).toEqual({ part_ids: [first.id, second.id] });
  });

  it('cancels an upload', async () => {
    const service = uploads();
    const upload = await service.create({ filename: 'a.txt', purpose: 'assistants', bytes: 6, mime_type: 'text/plain' });
    expect((await service.cancel(upload.id)).status).toBe('cancelled');
    expect(mock.requests.at(-1)!.text).toBe('');
  });

  it('refuses bad bodies and ids before sending', async () => {
    const service = uploads();
    expect(await caught(() => service.create({ filename: '', purpose: 'batch', bytes: 1, mime_type: 'x' }))).toMatchObject({ kind: 'validation', issues: [{ path: 'filename' }] });
    expect(await caught(() => service.create({ filename: 'a', purpose: 'user_data' as never, bytes: 1, mime_type: 'x' }))).toMatchObject({ issues: [{ path: 'purpose' }] });
    expect(await caught(() => service.addPart('upload_1', { data: 'abc' as never }))).toMatchObject({ issues: [{ path: 'data' }] });
    expect(await caught(() => service.complete('..', { part_ids: [] }))).toMatchObject({ issues: [{ path: 'upload_id' }] });
    expect(await caught(() => service.cancel(''))).toMatchObject({ issues: [{ path: 'upload_id' }] });
    expect(mock.requests).toHaveLength(0);
  });
});

describe('uploads.uploadLarge', () => {
  const SOURCES: Array<[string, () => Uploadable, { bytes?: number; filename?: string }]> = [
    ['{ path } (parallel slices read from disk)', () => ({ path: join(directory, 'big.bin') }), {}],
    ['a File (parallel slices)', () => new File([content], 'big.bin'), {}],
    ['bytes (parallel views)', () => content, { filename: 'big.bin' }],
    ['a web ReadableStream (parts in order)', () => new Blob([content]).stream(), { filename: 'big.bin', bytes: content.byteLength }],
    ['an async iterable in odd pieces (parts in order)', () => toFile(inPieces(333), 'big.bin'), { bytes: content.byteLength }],
  ];

  it.each(SOURCES)('uploads %s in 3,000-byte parts, completed in file order', async (_source, file, extra) => {
    const progress: UploadLargeProgress[] = [];
    const upload = await uploads().uploadLarge({ file: file(), purpose: 'fine-tune', partSize: 3_000, concurrency: 3, onProgress: (event) => progress.push(event), ...extra });
    expect(upload).toMatchObject({ status: 'completed', filename: 'big.bin', bytes: 10_000, file: { object: 'file', bytes: 10_000, filename: 'big.bin' } });
    expect(Buffer.from(stored(upload)).equals(content)).toBe(true);
    expect(partRequests()).toHaveLength(4);
    expect(mock.requests[0]!.json).toMatchObject({ filename: 'big.bin', purpose: 'fine-tune', bytes: 10_000, mime_type: 'application/octet-stream' });
    expect(progress.at(-1)).toEqual({ loaded: 10_000, total: 10_000, partsDone: 4, partCount: 4 });
  });

  it('retries a part that fails once on its own, and still completes in order', async () => {
    mock.faults.when((request) => (request.path.endsWith('/parts') && request.text.includes('filename="part-1"') && partRequests().filter((each) => each.text.includes('filename="part-1"')).length === 1 ? { status: 500 } : undefined));
    const upload = await uploads({ maxRetries: 2, retry: { initialBackoffMs: 1 } }).uploadLarge({ file: { path: join(directory, 'big.bin') }, purpose: 'batch', partSize: 3_000 });
    expect(Buffer.from(stored(upload)).equals(content)).toBe(true);
    expect(partRequests()).toHaveLength(5);
  });

  it('cancels the upload and names the part when a part fails for good', async () => {
    mock.faults.when((request) => (request.path.endsWith('/parts') && request.text.includes('filename="part-2"') ? { status: 500, body: { error: { message: 'disk on fire', type: 'server_error' } } } : undefined));
    const error = await caught(() => uploads().uploadLarge({ file: content, filename: 'big.bin', purpose: 'batch', partSize: 3_000, concurrency: 1 }));
    expect(ServerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'internal_error', status: 500 });
    expect(error.message).toMatch(/^Part 3 of 4 \(bytes 6000-8999\) of upload upload_mock\d+ failed: .*disk on fire.*cancelled/);
    const [upload] = mock.files.uploads.values();
    expect(upload!.object.status).toBe('cancelled');
    expect(mock.requests.at(-1)!.path).toBe(`/uploads/${upload!.object.id}/cancel`);
    expect(partRequests().some((request) => request.text.includes('filename="part-3"'))).toBe(false);
  });

  it('cancels the upload when completing it fails', async () => {
    mock.faults.when((request) => (request.path.endsWith('/complete') ? { status: 400, body: { error: { message: 'md5 mismatch', type: 'invalid_request_error' } } } : undefined));
    const error = await caught(() => uploads().uploadLarge({ file: content, filename: 'a.bin', purpose: 'batch', md5: 'nope' }));
    expect(error).toMatchObject({ status: 400 });
    expect([...mock.files.uploads.values()][0]!.object.status).toBe('cancelled');
  });

  it('cancels the upload when a stream holds fewer bytes than announced', async () => {
    const error = await caught(() => uploads().uploadLarge({ file: inPieces(1_000), filename: 'a.bin', bytes: 12_000, purpose: 'batch', partSize: 5_000 }));
    expect(error).toMatchObject({ kind: 'size_mismatch' });
    expect(error.message).toMatch(/holds 10000 bytes, but "bytes" says 12000/);
    expect([...mock.files.uploads.values()][0]!.object.status).toBe('cancelled');
  });

  it.each([
    ['a part over 64 MiB', { partSize: 64 * 2 ** 20 + 1 }, 'partSize'],
    ['no concurrency', { concurrency: 0 }, 'concurrency'],
    ['a stream without its size', { file: new Blob(['x']).stream(), filename: 'a.txt' }, 'bytes'],
    ['bytes without a file name', { file: content }, 'filename'],
    ['a size that disagrees with the file', { bytes: 5 }, 'bytes'],
    ['a misspelt option', { partsize: 10 }, 'params'],
  ])('refuses %s before creating anything', async (_case, params, path) => {
    const error = await caught(() => uploads().uploadLarge({ file: new File([content], 'a.bin'), purpose: 'batch', ...params } as never));
    expect(error).toMatchObject({ kind: 'validation', issues: [expect.objectContaining({ path })] });
    expect(mock.requests).toHaveLength(0);
  });

  it('is also reachable as files.uploads', () => {
    expect(typeof createFilesService(MOCK_CLIENT_OPTIONS).uploads.uploadLarge).toBe('function');
  });
});
