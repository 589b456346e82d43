import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAICore, encodeMultipart, toFile, type TransportRequest, type UploadProgress } from '../index.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'multipart-blob-'));
  await writeFile(join(directory, 'a.txt'), 'on disk');
});
afterAll(() => rm(directory, { recursive: true, force: true }));

const scope = globalThis as { document?: unknown };
const nodeVersions = Object.getOwnPropertyDescriptor(process, 'versions')!;
/** Looks like a browser page: a document, and no Node in `process.versions`. */
function asBrowser(): void {
  scope.document = {};
  Object.defineProperty(process, 'versions', { ...nodeVersions, value: { ...process.versions, node: undefined } });
}
afterEach(() => {
  delete scope.document;
  Object.defineProperty(process, 'versions', nodeVersions);
});

const fields = () => ({ purpose: 'batch', file: toFile(new TextEncoder().encode('{"a":1}\n'), 'in.jsonl'), extra: new Blob(['blob part'], { type: 'text/plain' }) });

/** A core whose transport records what it was given and answers `{}`. */
function recordingCore(sent: TransportRequest[]) {
  return createOpenAICore({
    apiKey: 'sk-blob-test',
    baseUrl: 'http://127.0.0.1:9/v1',
    logLevel: 'off',
    maxRetries: 0,
    transport: { send: async (request) => (sent.push(request), new Response('{}', { headers: { 'content-type': 'application/json' } })) },
  });
}

describe('multipart bodies as one Blob', () => {
  it('gives the same bytes as the streamed body when every part is in memory', async () => {
    const body = await encodeMultipart(fields(), { boundary: 'b0' });
    const streamed = await new Response(body.open()).text();
    expect(await body.blob!().text()).toBe(streamed);
    expect(body.blob!().size).toBe(body.contentLength);
  });

  it.each([
    ['a file on disk', () => ({ file: { path: join(directory, 'a.txt') } })],
    ['a one-shot stream', () => ({ file: new Blob(['x']).stream() })],
  ])('is not offered for %s', async (_what, build) => {
    const body = await encodeMultipart(build());
    expect(body.blob).toBeUndefined();
  });

  it('is what a browser sends (it streams a body only over HTTP/2), with progress reported whole', async () => {
    asBrowser();
    const sent: TransportRequest[] = [];
    const progress: UploadProgress[] = [];
    await recordingCore(sent).postMultipart('/files', { body: fields() }, { onUploadProgress: (event) => progress.push(event) });
    const body = sent[0]!.body;
    expect(body).toBeInstanceOf(Blob);
    expect(await (body as Blob).text()).toContain('blob part');
    expect(progress).toEqual([{ loaded: (body as Blob).size, total: (body as Blob).size }]);
  });

  it('is not used by a DOM emulated in Node (jsdom, happy-dom): Node streams the upload', async () => {
    scope.document = {};
    const sent: TransportRequest[] = [];
    await recordingCore(sent).postMultipart('/files', { body: fields() });
    expect(sent[0]!.body).toBeInstanceOf(ReadableStream);
  });

  it('is not used outside a browser: Node streams the upload', async () => {
    const sent: TransportRequest[] = [];
    await recordingCore(sent).postMultipart('/files', { body: fields() });
    expect(sent[0]!.body).toBeInstanceOf(ReadableStream);
  });

  it('is never sent after a redirect by the fetch transport', async () => {
    asBrowser();
    let init: RequestInit | undefined;
    const core = createOpenAICore({ apiKey: 'sk-blob-test', baseUrl: 'http://127.0.0.1:9/v1', logLevel: 'off', maxRetries: 0, fetch: async (_url, given) => ((init = given), new Response('{}', { headers: { 'content-type': 'application/json' } })) });
    await core.postMultipart('/files', { body: fields() });
    expect(init?.body).toBeInstanceOf(Blob);
    expect(init?.redirect).toBe('error');
  });
});
