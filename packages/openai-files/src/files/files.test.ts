import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponseMeta, OpenAIError, RequestError, ResourceError, toFile, type Uploadable } from '@integrations/openai-core';
import { caught, MOCK_CLIENT_OPTIONS, useMockOpenAI } from '@integrations/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilesService } from '../index.js';

const mock = useMockOpenAI();
const files = () => createFilesService(MOCK_CLIENT_OPTIONS);
const text = '{"prompt":"a"}\n{"prompt":"b"}\n';
const bytes = () => new TextEncoder().encode(text);
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'files-unit-'));
  await writeFile(join(directory, 'train.jsonl'), text);
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function* chunks(): AsyncGenerator<Uint8Array> {
  yield bytes().subarray(0, 5);
  yield bytes().subarray(5);
}

const SHAPES: Array<[string, () => Uploadable, string]> = [
  ['a File', () => new File([text], 'train.jsonl', { type: 'application/jsonl' }), 'train.jsonl'],
  ['a Blob named with toFile', () => toFile(new Blob([text]), 'blob.jsonl'), 'blob.jsonl'],
  ['a Uint8Array', () => toFile(bytes(), 'bytes.jsonl'), 'bytes.jsonl'],
  ['an ArrayBuffer', () => toFile(bytes().buffer as ArrayBuffer, 'buffer.jsonl'), 'buffer.jsonl'],
  ['a web ReadableStream', () => toFile(new Blob([text]).stream(), 'stream.jsonl'), 'stream.jsonl'],
  ['an async iterable of bytes', () => toFile(chunks(), 'iterable.jsonl'), 'iterable.jsonl'],
  ['{ path } on disk', () => ({ path: join(directory, 'train.jsonl') }), 'train.jsonl'],
];

describe('files.upload', () => {
  it.each(SHAPES)('uploads %s, streamed, byte for byte', async (_shape, make, filename) => {
    const file = await files().upload({ file: make(), purpose: 'fine-tune' });
    expect(file).toMatchObject({ object: 'file', filename, purpose: 'fine-tune', bytes: bytes().byteLength });
    expect(new TextDecoder().decode(mock.files.files.get(file.id)!.content)).toBe(text);
    expect(getResponseMeta(file)?.status).toBe(200);
  });

  it('sends expires_after as form fields and reports bytes as they leave', async () => {
    const progress: number[] = [];
    const file = await files().upload(
      { file: toFile(bytes(), 'a.jsonl'), purpose: 'batch', expires_after: { anchor: 'created_at', seconds: 3600 } },
      { onUploadProgress: ({ loaded }) => progress.push(loaded) },
    );
    expect(file.expires_at).toBe(file.created_at + 3600);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(Number(mock.requests[0]!.headers['content-length']));
  });

  it.each([
    ['no file', { purpose: 'batch' }, 'file'],
    ['a string instead of a file', { file: 'train.jsonl', purpose: 'batch' }, 'file'],
    ['an unknown purpose', { file: toFile(bytes(), 'a.jsonl'), purpose: 'training' }, 'purpose'],
    ['an expiry under an hour', { file: toFile(bytes(), 'a.jsonl'), purpose: 'batch', expires_after: { anchor: 'created_at', seconds: 60 } }, 'expires_after.seconds'],
  ])('refuses %s before sending', async (_case, params, path) => {
    const error = await caught(() => files().upload(params as never));
    expect(error).toMatchObject({ kind: 'validation', issues: [expect.objectContaining({ path })] });
    expect(mock.requests).toHaveLength(0);
  });
});

describe('files.list, retrieve, delete, content', () => {
  it('lists a page, and walks every file across pages with for await', async () => {
    for (let index = 0; index < 5; index++) mock.files.add(`file ${index}`, { filename: `f${index}.txt`, purpose: index === 4 ? 'batch' : 'user_data' });
    const page = await files().list({ limit: 2, order: 'asc' });
    expect(page.data.map((file) => file.filename)).toEqual(['f0.txt', 'f1.txt']);
    expect(page.has_more).toBe(true);
    const names: string[] = [];
    for await (const file of files().list({ limit: 2, order: 'asc' })) names.push(file.filename);
    expect(names).toEqual(['f0.txt', 'f1.txt', 'f2.txt', 'f3.txt', 'f4.txt']);
    expect(mock.requests.slice(1).map((request) => request.query)).toEqual([
      { limit: '2', order: 'asc' }, { limit: '2', order: 'asc', after: 'file-mock000002' }, { limit: '2', order: 'asc', after: 'file-mock000004' },
    ]);
    expect((await files().list({ purpose: 'batch' })).data.map((file) => file.filename)).toEqual(['f4.txt']);
  });

  it('refuses bad list params on the first read, sending nothing', async () => {
    const error = await caught(() => files().list({ limit: 0 }));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'limit' }] });
    expect(await caught(() => files().list({ order: 'newest' as never }))).toMatchObject({ kind: 'validation' });
    expect(mock.requests).toHaveLength(0);
  });

  it('retrieves and deletes a file, encoding its id', async () => {
    const stored = mock.files.add('x', { filename: 'x.txt' });
    expect(await files().retrieve(stored.id)).toEqual(stored);
    expect(await files().delete(stored.id)).toEqual({ id: stored.id, object: 'file', deleted: true });
    expect(await caught(() => files().retrieve(stored.id))).toBeInstanceOf(ResourceError);
    await caught(() => files().retrieve('a/b'));
    expect(mock.requests.at(-1)!.path).toBe('/files/a%2Fb');
  });

  it('downloads the content as an ArrayBuffer, asking for the type the spec declares', async () => {
    const stored = mock.files.add(bytes(), { filename: 'a.jsonl' });
    const content = await files().content(stored.id);
    expect(content).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(content)).toBe(text);
    expect(getResponseMeta(content)?.requestId).toBe('req_mock_0');
    expect(mock.requests[0]!.headers.accept).toBe('application/json');
  });

  it('streams the content, with the response metadata on the stream', async () => {
    const stored = mock.files.add(bytes(), { filename: 'a.jsonl' });
    const stream = files().contentStream(stored.id, { headers: { 'x-trace': 't1' } });
    expect((await stream.responseMeta).headers['content-length']).toBe(String(bytes().byteLength));
    expect(getResponseMeta(stream)?.requestId).toBe('req_mock_0');
    expect(await new Response(stream).text()).toBe(text);
    expect(mock.requests[0]!.headers).toMatchObject({ accept: 'application/json', 'x-trace': 't1' });
  });

  it('reports a missing file with a typed 404, on responseMeta and on the first read', async () => {
    const stream = files().contentStream('file-missing');
    const error = await caught(() => stream.responseMeta);
    expect(ResourceError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'not_found', status: 404 });
    expect(await caught(() => stream.getReader().read())).toBe(error);
  });

  it.each(['', '.', '..', '%2E%2e'])('rejects the file id %j before sending, and never throws', async (id) => {
    const service = files();
    const firstRead = (stream: ReadableStream<Uint8Array>) => stream.getReader().read();
    for (const call of [() => service.retrieve(id), () => service.delete(id), () => service.content(id), () => firstRead(service.contentStream(id)), () => service.download(id, join(directory, 'x')), () => service.waitForProcessing(id)]) {
      let pending: Promise<unknown> | undefined;
      expect(() => (pending = call())).not.toThrow();
      const error = await caught(() => pending);
      expect(RequestError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'file_id' }] });
    }
    expect(mock.requests).toHaveLength(0);
  });

  it('refuses a download without a target path', async () => {
    const error = await caught(() => files().download('file-1', '' as string));
    expect(OpenAIError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'path' }] });
  });
});
