import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';

let server: MockServer;
beforeAll(async () => (server = await startMockServer({ batchStepMs: 0 })));
afterEach(() => server.reset());
afterAll(() => server.close());

const auth = { authorization: 'Bearer sk-test' };
const call = (method: string, path: string, body?: unknown) => fetch(`${server.baseUrl}${path}`, {
  method, headers: { ...auth, ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
  body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
});
const form = (fields: Record<string, string | Blob>, filename = 'a.jsonl') => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) typeof value === 'string' ? data.append(name, value) : data.append(name, value, filename);
  return data;
};

describe('mock server: files', () => {
  it('stores an upload and serves it back: object, list, content, delete', async () => {
    const file = await (await call('POST', '/files', form({ file: new Blob(['hello']), purpose: 'user_data' }))).json();
    expect(file).toMatchObject({ object: 'file', bytes: 5, filename: 'a.jsonl', purpose: 'user_data', status: 'processed' });
    expect((await (await call('GET', '/files')).json()).data).toEqual([file]);
    expect(await (await call('GET', `/files/${file.id}/content`)).text()).toBe('hello');
    expect(await (await call('DELETE', `/files/${file.id}`)).json()).toEqual({ id: file.id, object: 'file', deleted: true });
    expect((await call('GET', `/files/${file.id}`)).status).toBe(404);
  });

  it('refuses an upload without a file or with an unknown purpose', async () => {
    expect((await call('POST', '/files', form({ purpose: 'batch' }))).status).toBe(400);
    expect((await call('POST', '/files', form({ file: new Blob(['x']), purpose: 'training' }))).status).toBe(400);
  });
});

describe('mock server: uploads', () => {
  it('completes parts in the order given, and refuses parts that do not add up', async () => {
    const upload = await (await call('POST', '/uploads', { filename: 'a.txt', purpose: 'assistants', bytes: 4, mime_type: 'text/plain' })).json();
    const first = await (await call('POST', `/uploads/${upload.id}/parts`, form({ data: new Blob(['ab']) }))).json();
    expect((await call('POST', `/uploads/${upload.id}/complete`, { part_ids: [first.id] })).status).toBe(400);
    const second = await (await call('POST', `/uploads/${upload.id}/parts`, form({ data: new Blob(['cd']) }))).json();
    const done = await (await call('POST', `/uploads/${upload.id}/complete`, { part_ids: [second.id, first.id] })).json();
    expect(done).toMatchObject({ status: 'completed', file: { bytes: 4, filename: 'a.txt', purpose: 'assistants' } });
    expect(new TextDecoder().decode(server.files.files.get(done.file.id)!.content)).toBe('cdab');
    expect((await call('POST', `/uploads/${upload.id}/cancel`)).status).toBe(400);
  });
});

describe('mock server: batches', () => {
  const line = (customId: string, body: unknown, url = '/v1/chat/completions') => JSON.stringify({ custom_id: customId, method: 'POST', url, body });
  const upload = async (text: string) => (await (await call('POST', '/files', form({ file: new Blob([text]), purpose: 'batch' }))).json()).id as string;

  it('answers each line like the matching route, putting what it cannot answer in the error file', async () => {
    const input = await upload([line('a', { model: 'm', messages: [{ role: 'user', content: 'hi' }] }), line('b', { model: 'm', messages: [] })].join('\n'));
    const created = await (await call('POST', '/batches', { input_file_id: input, endpoint: '/v1/chat/completions', completion_window: '24h' })).json();
    expect(created.status).toBe('validating');
    const batch = await (await call('GET', `/batches/${created.id}`)).json();
    expect(batch).toMatchObject({ status: 'completed', request_counts: { total: 2, completed: 1, failed: 1 } });
    const output = JSON.parse(await (await call('GET', `/files/${batch.output_file_id}/content`)).text());
    expect(output).toMatchObject({ custom_id: 'a', response: { status_code: 200, body: { choices: [{ message: { content: 'You said: hi' } }] } }, error: null });
    const error = JSON.parse(await (await call('GET', `/files/${batch.error_file_id}/content`)).text());
    expect(error).toMatchObject({ custom_id: 'b', response: { status_code: 400, body: { error: { param: 'messages' } } } });
  });

  it('fails a batch whose input has a bad line, naming the line', async () => {
    const input = await upload(`${line('a', { input: 'x', model: 'm' }, '/v1/embeddings')}\nnot json\n`);
    const created = await (await call('POST', '/batches', { input_file_id: input, endpoint: '/v1/embeddings', completion_window: '24h' })).json();
    expect(await (await call('GET', `/batches/${created.id}`)).json()).toMatchObject({ status: 'failed', errors: { data: [{ code: 'invalid_json_line', line: 2 }] } });
  });

  it('cancels a batch, and refuses an input file with the wrong purpose', async () => {
    const slow = await startMockServer({ batchStepMs: 60_000 });
    try {
      const input = (await (await fetch(`${slow.baseUrl}/files`, { method: 'POST', headers: auth, body: form({ file: new Blob([line('a', { model: 'm', messages: [{ role: 'user', content: 'x' }] })]), purpose: 'batch' }) })).json()).id;
      const created = await (await fetch(`${slow.baseUrl}/batches`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ input_file_id: input, endpoint: '/v1/chat/completions', completion_window: '24h' }) })).json();
      const cancelled = await (await fetch(`${slow.baseUrl}/batches/${created.id}/cancel`, { method: 'POST', headers: auth })).json();
      expect(cancelled.status).toBe('cancelling');
    } finally {
      await slow.close();
    }
    const other = await (await call('POST', '/files', form({ file: new Blob(['{}']), purpose: 'user_data' }))).json();
    expect((await call('POST', '/batches', { input_file_id: other.id, endpoint: '/v1/chat/completions', completion_window: '24h' })).status).toBe(400);
  });
});
