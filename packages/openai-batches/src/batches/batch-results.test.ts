import { NetworkError, ResponseError } from '@integrations/openai-core';
import { caught, reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { createBatchesService, type Batch } from '../index.js';

const api = useMockApi();
const batches = () => createBatchesService({ apiKey: 'sk-test', baseUrl: api.baseUrl, maxRetries: 0, logLevel: 'off' });
const batch = (status: string, extra = {}): Batch => ({
  id: 'batch_1', object: 'batch', endpoint: '/v1/chat/completions', input_file_id: 'file-in', completion_window: '24h', status, created_at: 1,
  output_file_id: 'file-out', error_file_id: 'file-err', request_counts: { total: 3, completed: 2, failed: 1 }, ...extra,
});
const line = (customId: string, status = 200, body: unknown = { id: `chatcmpl-${customId}` }) => JSON.stringify({ id: `req-${customId}`, custom_id: customId, response: { status_code: status, request_id: `rid-${customId}`, body }, error: null });

describe('batches.results', () => {
  it('reads the output file then the error file, fetching the batch when given its id', async () => {
    api.on('GET', '/batches/batch_1', reply.json(batch('completed')));
    api.on('GET', '/files/file-out/content', reply.text(`${line('a')}\n${line('b')}\n`));
    api.on('GET', '/files/file-err/content', reply.text(`${JSON.stringify({ id: 'req-c', custom_id: 'c', response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } })}\n`));
    const results = [];
    for await (const result of batches().results('batch_1')) results.push(result);
    expect(results).toEqual([
      { id: 'req-a', custom_id: 'a', ok: true, status_code: 200, request_id: 'rid-a', response: { id: 'chatcmpl-a' } },
      { id: 'req-b', custom_id: 'b', ok: true, status_code: 200, request_id: 'rid-b', response: { id: 'chatcmpl-b' } },
      { id: 'req-c', custom_id: 'c', ok: false, status_code: undefined, request_id: undefined, error: { code: 'batch_expired', message: expect.stringMatching(/completion window/) } },
    ]);
    expect(api.calls.map((call) => call.path)).toEqual(['/batches/batch_1', '/files/file-out/content', '/files/file-err/content']);
  });

  it('reads a finished batch object as given, without fetching it again', async () => {
    api.on('GET', '/files/file-out/content', reply.text(`${line('a')}\n`));
    const map = await batches().resultsByCustomId(batch('cancelled', { error_file_id: null }));
    expect([...map.keys()]).toEqual(['a']);
    expect(api.calls).toHaveLength(1);
  });

  it.each([
    ['bad JSON', '{"custom_id": "c", "response": {', /^Line 3 of the output file file-out of batch batch_1 is not valid JSON/],
    ['a line without custom_id', '{"response":{"status_code":200,"body":{}}}', /^Line 3 of the output file file-out of batch batch_1 has no custom_id/],
    ['a line with neither response nor error', '{"custom_id":"c"}', /^Line 3 .* has neither a response nor an error/],
    ['a JSON array', '[1,2]', /^Line 3 .* is not a JSON object/],
  ])('fails on %s with a typed error naming the line, after yielding the lines before it', async (_case, bad, message) => {
    api.on('GET', '/files/file-out/content', reply.text(`${line('a')}\n${line('b')}\n${bad}\n${line('d')}\n`));
    const seen: string[] = [];
    const error = await caught(async () => {
      for await (const result of batches().results(batch('completed', { error_file_id: null }))) seen.push(result.custom_id);
    });
    expect(ResponseError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect(error.message).toMatch(message);
    expect(seen).toEqual(['a', 'b']);
  });

  it('surfaces a connection cut while streaming the results as a typed error', async () => {
    api.on('GET', '/files/file-out/content', reply.resetMidBody(`${line('a')}\n${line('b').slice(0, 10)}`));
    const error = await caught(async () => {
      for await (const _result of batches().results(batch('completed', { error_file_id: null }))) { /* read on */ }
    });
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'stream_interrupted' });
  });
});

describe('batches.waitFor', () => {
  it('gives up at the deadline with a typed poll timeout', async () => {
    api.on('GET', '/batches/batch_1', reply.json(batch('in_progress')));
    const error = await caught(() => batches().waitFor('batch_1', { pollInterval: 1, deadline: 30 }));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'poll' });
  });

  it('stops at once when aborted', async () => {
    api.on('GET', '/batches/batch_1', reply.json(batch('in_progress')));
    const controller = new AbortController();
    const waiting = batches().waitFor('batch_1', { pollInterval: 60_000, signal: controller.signal, onProgress: () => controller.abort() });
    expect(await caught(() => waiting)).toMatchObject({ kind: 'aborted' });
    expect(api.calls).toHaveLength(1);
  });

  it('returns a batch that ended in failure, expiry or cancellation too', async () => {
    for (const status of ['failed', 'expired', 'cancelled']) {
      api.on('GET', '/batches/batch_1', reply.json(batch(status)));
      expect((await batches().waitFor('batch_1')).status).toBe(status);
    }
  });

  it.each([
    ['a negative poll interval', { pollInterval: -1 }, 'pollInterval'],
    ['a deadline of 0', { deadline: 0 }, 'deadline'],
    ['onProgress that is not a function', { onProgress: 'log' }, 'onProgress'],
  ])('refuses %s before polling', async (_case, options, path) => {
    expect(await caught(() => batches().waitFor('batch_1', options as never))).toMatchObject({ kind: 'validation', issues: [{ path }] });
    expect(api.calls).toHaveLength(0);
  });
});

describe('results that must not be trusted blindly', () => {
  it('never quotes a malformed line (it may hold an echoed API key)', async () => {
    const key = 'sk-proj-SECRETKEY1234567890abcdefXYZ';
    api.on('GET', '/files/file-out/content', reply.text(`${key}\n`));
    const error = await caught<ResponseError>(async () => {
      for await (const _result of createBatchesService({ apiKey: key, baseUrl: api.baseUrl, maxRetries: 0, logLevel: 'off' }).results(batch('completed', { error_file_id: null }))) { /* read */ }
    });
    expect(error.message).toMatch(/^Line 1 of the output file file-out of batch batch_1 is not valid JSON/);
    expect(`${error.message}\n${error.stack}\n${JSON.stringify(error)}\n${String((error as Error).cause ?? '')}`).not.toContain('SECRETKEY');
  });

  it('refuses two results for one custom_id in resultsByCustomId instead of keeping one silently', async () => {
    api.on('GET', '/files/file-out/content', reply.text(`${line('a')}\n${line('a')}\n`));
    const error = await caught<ResponseError>(() => batches().resultsByCustomId(batch('completed', { error_file_id: null })));
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect(error.message).toContain('"a"');
  });
});

