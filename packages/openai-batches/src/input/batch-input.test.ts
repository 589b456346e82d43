import { RequestError } from '@integrations/openai-core';
import { caught } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { BATCH_LIMITS, batchInput, endpointRequestSchema, type BatchRequest } from '../index.js';
import { buildBatchInput } from './batch-input.js';

const chat = (index: number, content = `question ${index}`): BatchRequest<'/v1/chat/completions'> => ({
  custom_id: `q${index}`, body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content }] },
});

async function linesOf(stream: ReadableStream<Uint8Array>): Promise<{ lines: unknown[]; chunks: number; bytes: number }> {
  let text = '';
  let chunks = 0;
  let bytes = 0;
  const decoder = new TextDecoder();
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    chunks++;
    bytes += chunk.byteLength;
    text += decoder.decode(chunk, { stream: true });
  }
  return { lines: text.split('\n').filter(Boolean).map((line) => JSON.parse(line)), chunks, bytes };
}

describe('batchInput', () => {
  it('writes one JSONL line per request, method and url filled in', async () => {
    const input = await batchInput([chat(0), { ...chat(1), url: '/v1/chat/completions', method: 'POST' }], { endpoint: '/v1/chat/completions' });
    const { lines, bytes } = await linesOf(input.stream());
    expect(lines).toEqual([
      { custom_id: 'q0', method: 'POST', url: '/v1/chat/completions', body: chat(0).body },
      { custom_id: 'q1', method: 'POST', url: '/v1/chat/completions', body: chat(1).body },
    ]);
    expect(input).toMatchObject({ endpoint: '/v1/chat/completions', requestCount: 2, byteLength: bytes });
  });

  it('takes the endpoint from the first request, and streams a large input in chunks, afresh each time', async () => {
    const requests = Array.from({ length: 2_000 }, (_, index) => ({ ...chat(index, 'é'.repeat(100)), url: '/v1/chat/completions' as const }));
    const input = await batchInput(requests);
    const first = await linesOf(input.stream());
    const second = await linesOf(input.stream());
    expect(first.lines).toHaveLength(2_000);
    expect(first.chunks).toBeGreaterThan(3);
    expect(first.bytes).toBe(input.byteLength);
    expect(second.bytes).toBe(input.byteLength);
  });

  it.each([
    ['a duplicate custom_id', [chat(0), chat(0)], 'requests[1].custom_id', /used twice/],
    ['an empty custom_id', [{ ...chat(0), custom_id: '' }], 'requests[0].custom_id', /non-empty/],
    ['a second endpoint', [chat(0), { ...chat(1), url: '/v1/embeddings' }], 'requests[1].url', /one endpoint/],
    ['a method other than POST', [{ ...chat(0), method: 'GET' }], 'requests[0].method', /POST/],
    ['a body that is not an object', [{ custom_id: 'a', body: 'hi' }], 'requests[0].body', /object/],
    ['a chat body the chat schema refuses', [chat(0), { custom_id: 'b', body: { model: 'gpt-4o-mini' } }], 'requests[1].body.messages', /required/],
    ['a chat message with an unknown role', [{ custom_id: 'a', body: { model: 'm', messages: [{ role: 'robot', content: 'x' }] } }], 'requests[0].body.messages[0]', /./],
  ])('refuses %s, naming the request', async (_case, requests, path, message) => {
    const error = await caught<RequestError>(() => batchInput(requests as never, { endpoint: '/v1/chat/completions' }));
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('validation');
    const issue = error.issues!.find((each) => each.path.startsWith(path));
    expect(issue, JSON.stringify(error.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it('checks embeddings bodies with the embeddings schema, and the 50,000-input limit across requests', async () => {
    const bad = await caught<RequestError>(() => batchInput([{ custom_id: 'e', body: { model: '', input: 'x' } }], { endpoint: '/v1/embeddings' }));
    expect(bad.issues).toEqual([expect.objectContaining({ path: 'requests[0].body.model' })]);
    const requests = Array.from({ length: 26 }, (_, index) => ({ custom_id: `e${index}`, body: { model: 'text-embedding-3-small', input: Array.from({ length: 2_000 }, () => 'x') } }));
    const tooMany = await caught<RequestError>(() => batchInput(requests, { endpoint: '/v1/embeddings' }));
    expect(tooMany.message).toMatch(/52000 embedding inputs; an embeddings batch takes at most 50000/);
  });

  it('refuses an unknown endpoint, an empty batch, and something that is not a list', async () => {
    expect(await caught(() => batchInput([chat(0)], { endpoint: '/v1/chat' as never }))).toMatchObject({ issues: [{ path: 'endpoint' }] });
    expect(await caught(() => batchInput([chat(0)]))).toMatchObject({ issues: [{ path: 'endpoint' }] });
    expect(await caught(() => batchInput([], { endpoint: '/v1/chat/completions' }))).toMatchObject({ issues: [{ path: 'requests' }] });
    expect(await caught(() => batchInput('q0' as never, { endpoint: '/v1/chat/completions' }))).toMatchObject({ issues: [{ path: 'requests' }] });
  });

  it(`refuses more than ${BATCH_LIMITS.maxRequests} requests`, async () => {
    const requests = Array.from({ length: BATCH_LIMITS.maxRequests + 1 }, (_, index) => chat(index));
    const error = await caught(() => batchInput(requests, { endpoint: '/v1/chat/completions' }));
    expect(error.message).toMatch(/50001 requests; a batch takes at most 50000/);
  });

  it('refuses a file over the size limit, counted in UTF-8 bytes, before anything is sent', async () => {
    expect(BATCH_LIMITS.maxBytes).toBe(200 * 1024 ** 2);
    const limits = { ...BATCH_LIMITS, maxBytes: 1_000 };
    const line = (content: string) => JSON.stringify({ custom_id: 'q0', method: 'POST', url: '/v1/chat/completions', body: chat(0, content).body }).length + 1;
    // 'é' is 2 bytes: a line of `n` characters and `k` of them 'é' is n + k bytes.
    const fits = 'é'.repeat((1_000 - line('')) / 2);
    expect((await buildBatchInput([chat(0, fits)], { endpoint: '/v1/chat/completions' }, limits)).byteLength).toBeLessThanOrEqual(1_000);
    const error = await caught(() => buildBatchInput([chat(0, `${fits}é`)], { endpoint: '/v1/chat/completions' }, limits));
    expect(error.message).toMatch(/-byte file; a batch input file may hold at most 1000 bytes/);
  });

  it('checks only the line shape when no schema is available, or when told not to', async () => {
    const loose = { custom_id: 'a', body: { anything: true } };
    expect((await batchInput([loose], { endpoint: '/v1/completions' })).requestCount).toBe(1);
    expect((await batchInput([loose as never], { endpoint: '/v1/chat/completions', schema: false })).requestCount).toBe(1);
  });

  it('finds the schema of an installed domain package, and tolerates one that is missing', async () => {
    expect(await endpointRequestSchema('/v1/chat/completions')).toBeTypeOf('function');
    const missing = async () => undefined;
    expect(await endpointRequestSchema('/v1/chat/completions', missing)).toBeUndefined();
    expect(await endpointRequestSchema('/v1/images/generations')).toBeUndefined();
  });
});

describe('batchInput keeps what it checked', () => {
  it('sends the requests as they were when checked, whatever the caller changes later', async () => {
    const requests = [chat(0), chat(1)];
    const input = await batchInput(requests, { endpoint: '/v1/chat/completions' });
    (requests[0]!.body as { messages: Array<{ content: string }> }).messages[0]!.content = 'x'.repeat(10_000);
    const text = await new Response(input.stream()).text();
    expect(new TextEncoder().encode(text).byteLength).toBe(input.byteLength);
    expect(text).toContain('question 0');
  });

  it('refuses a body JSON cannot hold as a validation issue', async () => {
    const error = await caught<RequestError>(() => batchInput([{ custom_id: 'a', body: { model: 'm', input: 'x', n: 10n } as never }], { endpoint: '/v1/embeddings', schema: false }));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'requests[0].body' }] });
  });
});

