import { getResponseMeta, RequestError } from '@integrations/openai-core';
import { createMockHandlers } from '@integrations/openai-testing/msw';
import { caught, MOCK_CLIENT_OPTIONS } from '@integrations/test-kit';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBatchesService, type BatchProgress, type BatchRequest } from '../index.js';

// Two mocks, no clock in the tests: one completes a batch at its first retrieve, the other keeps
// it in progress for a minute (for cancels and unfinished batches).
const { handlers, mock } = createMockHandlers({ baseUrl: MOCK_CLIENT_OPTIONS.baseUrl, batchStepMs: 0 });
const SLOW_URL = 'https://slow-mock-openai.test/v1';
const slow = createMockHandlers({ baseUrl: SLOW_URL, batchStepMs: 60_000 });
const server = setupServer(...handlers, ...slow.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  mock.reset();
  slow.mock.reset();
});
afterAll(() => server.close());

const batches = (options = {}) => createBatchesService({ ...MOCK_CLIENT_OPTIONS, ...options });
const slowBatches = () => createBatchesService({ ...MOCK_CLIENT_OPTIONS, baseUrl: SLOW_URL });
const question = (index: number): BatchRequest<'/v1/chat/completions'> => ({ custom_id: `q${index}`, body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `question ${index}` }] } });

describe('batches: create, retrieve, cancel, list', () => {
  it('creates a batch from an uploaded file, retrieves and cancels it', async () => {
    const input = slow.mock.files.add(`${JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body: question(0).body })}\n`, { filename: 'in.jsonl', purpose: 'batch' });
    const batch = await slowBatches().create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { job: 'nightly' } });
    expect(batch).toMatchObject({ object: 'batch', status: 'validating', endpoint: '/v1/chat/completions', metadata: { job: 'nightly' } });
    expect(getResponseMeta(batch)?.status).toBe(200);
    expect((await slowBatches().retrieve(batch.id)).id).toBe(batch.id);
    expect((await slowBatches().cancel(batch.id)).status).toBe('cancelling');
    expect(slow.mock.requests.at(-1)).toMatchObject({ method: 'POST', path: `/batches/${batch.id}/cancel`, text: '' });
  });

  it('lists batches newest first, page by page', async () => {
    const input = mock.files.add('{}\n', { purpose: 'batch' });
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) ids.push((await batches().create({ input_file_id: input.id, endpoint: '/v1/embeddings', completion_window: '24h' })).id);
    const seen: string[] = [];
    for await (const batch of batches().list({ limit: 2 })) seen.push(batch.id);
    expect(seen).toEqual(ids.reverse());
    expect(mock.requests.filter((request) => request.method === 'GET').map((request) => request.query)).toEqual([{ limit: '2' }, { limit: '2', after: ids[1] }]);
  });

  it('refuses bad bodies, ids and list params before sending', async () => {
    expect(await caught(() => batches().create({ input_file_id: 'file-1', endpoint: '/v1/chat' as never, completion_window: '24h' }))).toMatchObject({ issues: [{ path: 'endpoint' }] });
    expect(await caught(() => batches().create({ input_file_id: 'file-1', endpoint: '/v1/embeddings', completion_window: '48h' as never }))).toMatchObject({ issues: [{ path: 'completion_window' }] });
    expect(await caught(() => batches().retrieve('..'))).toMatchObject({ issues: [{ path: 'batch_id' }] });
    expect(await caught(() => batches().list({ limit: 101 }))).toMatchObject({ issues: [{ path: 'limit' }] });
    expect(mock.requests).toHaveLength(0);
  });
});

describe('batches: submit, waitFor, results', () => {
  it('submits 20 chat requests, waits with progress, and reads each result matched to its request', async () => {
    const requests = Array.from({ length: 20 }, (_, index) => question(index));
    requests.push({ custom_id: 'broken', body: { model: 'gpt-4o-mini', messages: [] } });
    const service = batches();
    // The chat schema would refuse the empty messages; skipping it lets the mock put the line in the error file.
    const batch = await service.submit(requests, { endpoint: '/v1/chat/completions', metadata: { run: '1' }, schema: false });
    expect(batch.status).toBe('validating');
    const upload = mock.requests.find((request) => request.path === '/files')!;
    expect(upload.text).toContain('filename="batch-input.jsonl"');
    expect(upload.text).toContain('name="purpose"\r\n\r\nbatch');
    const progress: BatchProgress[] = [];
    const done = await service.waitFor(batch, { pollInterval: 5, onProgress: (event) => progress.push(event) });
    expect(done.status).toBe('completed');
    expect(done.request_counts).toEqual({ total: 21, completed: 20, failed: 1 });
    expect(progress.at(-1)!.status).toBe('completed');
    const completed = progress.map((event) => event.request_counts.completed);
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
    const results = await service.resultsByCustomId(done);
    expect(results.size).toBe(21);
    for (let index = 0; index < 20; index++) {
      const result = results.get(`q${index}`)!;
      if (!result.ok) throw new Error(result.error.message);
      expect(result.response.choices[0]!.message.content).toBe(`You said: question ${index}`);
      expect(result.status_code).toBe(200);
    }
    expect(results.get('broken')).toMatchObject({ ok: false, status_code: 400, error: { message: expect.stringMatching(/messages/), type: 'invalid_request_error' } });
  });

  it('refuses a bad request before uploading anything', async () => {
    const error = await caught(() => batches().submit([question(0), question(0)], { endpoint: '/v1/chat/completions' }));
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'requests[1].custom_id' }] });
    expect(await caught(() => batches().submit([question(0)], { completionWindow: '1h' as never }))).toMatchObject({ issues: [{ path: 'completionWindow' }] });
    expect(mock.requests).toHaveLength(0);
  });

  it('deletes the uploaded input again when creating the batch fails', async () => {
    mock.faults.next({ path: '/batches', status: 400, body: { error: { message: 'quota of batches reached', type: 'invalid_request_error' } } });
    const error = await caught(() => batches().submit([question(0)], { endpoint: '/v1/chat/completions' }));
    expect(error).toMatchObject({ status: 400 });
    expect(mock.requests.map((request) => `${request.method} ${request.path.replace(/file-mock\d+/, 'FILE')}`)).toEqual(['POST /files', 'POST /batches', 'DELETE /files/FILE']);
    expect(mock.files.files.size).toBe(0);
  });

  it('refuses to read results of a batch that is not finished', async () => {
    const batch = await slowBatches().submit([question(0)], { endpoint: '/v1/chat/completions' });
    const error = await caught(() => slowBatches().results(batch)[Symbol.asyncIterator]().next());
    expect(error).toMatchObject({ kind: 'batch_not_finished' });
  });

  it('reports results of a failed batch as empty, and its errors on the batch', async () => {
    const input = mock.files.add('not json\n', { purpose: 'batch' });
    const batch = await batches().create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const done = await batches().waitFor(batch.id, { pollInterval: 5 });
    expect(done).toMatchObject({ status: 'failed', errors: { data: [{ code: 'invalid_json_line', line: 1 }] } });
    expect((await batches().resultsByCustomId(done)).size).toBe(0);
  });
});
