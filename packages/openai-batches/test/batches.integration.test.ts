/** Batches against the testing package's mock server, over real sockets. */
import { startMockServer, type MockServer } from '@integrations/openai-testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBatchesService, type BatchRequest } from '../src/index.js';

let server: MockServer;
beforeAll(async () => (server = await startMockServer({ batchStepMs: 20 })));
afterEach(() => server.reset());
afterAll(() => server.close());

const requests: Array<BatchRequest<'/v1/chat/completions'>> = Array.from({ length: 20 }, (_, index) => ({
  custom_id: `question-${index}`, body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `What is ${index} + ${index}?` }] },
}));

describe('batches over a real socket', () => {
  it('submits, waits through every status, and matches each result to its request', async () => {
    const batches = createBatchesService({ apiKey: 'sk-test', baseUrl: server.baseUrl, logLevel: 'off' });
    const batch = await batches.submit(requests, { endpoint: '/v1/chat/completions' });
    const statuses: string[] = [];
    const done = await batches.waitFor(batch, { pollInterval: 5, onProgress: ({ status }) => statuses.at(-1) !== status && statuses.push(status) });
    expect(statuses.at(-1)).toBe('completed');
    expect(statuses.every((status) => ['validating', 'in_progress', 'finalizing', 'completed'].includes(status))).toBe(true);
    const results = await batches.resultsByCustomId(done);
    expect([...results.keys()].sort()).toEqual(requests.map((request) => request.custom_id).sort());
    for (const request of requests) {
      const result = results.get(request.custom_id)!;
      expect(result.ok && result.response.choices[0]!.message.content).toBe(`You said: ${request.body.messages[0]!.content}`);
    }
  });

  it('re-sends the input file from its spool after a 503 on the upload', async () => {
    server.faults.next({ path: '/files', status: 503 });
    const batches = createBatchesService({ apiKey: 'sk-test', baseUrl: server.baseUrl, logLevel: 'off', maxRetries: 1, retry: { initialBackoffMs: 1 } });
    const batch = await batches.submit(requests, { endpoint: '/v1/chat/completions' });
    const uploads = server.requests.filter((request) => request.path === '/files');
    expect(uploads).toHaveLength(2);
    expect(uploads[1]!.bytes.byteLength).toBe(uploads[0]!.bytes.byteLength);
    const input = server.files.files.get(batch.input_file_id)!;
    expect(new TextDecoder().decode(input.content).trim().split('\n')).toHaveLength(20);
  });
});
