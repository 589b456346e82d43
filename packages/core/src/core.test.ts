import { reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { mockCore } from '../test/helpers.js';
import { getResponseMeta, path, RequestError, VERSION } from './index.js';

const api = useMockApi();

describe('core verbs', () => {
  it('gets JSON and exposes the response metadata', async () => {
    api.on('GET', '/models', reply.json({ object: 'list', data: [{ id: 'gpt-4o' }] }, {
      headers: { 'x-request-id': 'req_123', 'x-ratelimit-remaining-requests': '99', 'x-ratelimit-reset-tokens': '6m0s' },
    }));
    const result = await mockCore().get<{ data: Array<{ id: string }> }>('/models');
    expect(result.data[0]!.id).toBe('gpt-4o');
    const meta = getResponseMeta(result)!;
    expect(meta).toMatchObject({ requestId: 'req_123', status: 200, attempts: 1, rateLimit: { remainingRequests: 99, resetTokensMs: 360_000 } });
  });

  it('posts the JSON body once serialized, with auth, user agent and an idempotency key', async () => {
    api.on('POST', '/chat/completions', reply.json({ id: 'chatcmpl-1' }));
    const core = mockCore({ organizationId: 'org-1', projectId: 'proj-1', defaultHeaders: { 'x-team': 'search' } });
    await core.post('/chat/completions', { body: { model: 'gpt-4o', messages: [] } }, { headers: { 'x-call': 'one' } });
    const call = api.calls[0]!;
    expect(call.json).toEqual({ model: 'gpt-4o', messages: [] });
    expect(call.headers.get('authorization')).toBe('Bearer sk-test-SECRET-4f9a2c7e1b');
    expect(call.headers.get('openai-organization')).toBe('org-1');
    expect(call.headers.get('openai-project')).toBe('proj-1');
    expect(call.headers.get('content-type')).toBe('application/json');
    expect(call.headers.get('user-agent')).toBe(`integrations-openai/${VERSION}`);
    expect(call.headers.get('x-team')).toBe('search');
    expect(call.headers.get('x-call')).toBe('one');
    expect(call.headers.get('idempotency-key')).toMatch(/^idem-[0-9a-f-]{36}$/);
  });

  it('gives two calls two different idempotency keys, and honours a caller-chosen one', async () => {
    api.on('POST', '/embeddings', reply.json({ data: [] }));
    const core = mockCore();
    await core.post('/embeddings', { body: {} });
    await core.post('/embeddings', { body: {} });
    await core.post('/embeddings', { body: {} }, { idempotencyKey: 'mine-1' });
    const keys = api.calls.map((call) => call.headers.get('idempotency-key'));
    expect(new Set(keys).size).toBe(3);
    expect(keys[2]).toBe('mine-1');
  });

  it('sends OpenAI-Beta when a method asks for it', async () => {
    api.on('GET', '/assistants', reply.json({ object: 'list', data: [] }));
    await mockCore().get('/assistants', { beta: 'assistants=v2' });
    expect(api.calls[0]!.headers.get('openai-beta')).toBe('assistants=v2');
  });

  it('lets a null default header be removed per call', async () => {
    api.on('GET', '/models', reply.json({ data: [] }));
    await mockCore({ defaultHeaders: { 'x-debug': '1' } }).get('/models', {}, { headers: { 'x-debug': null } });
    expect(api.calls[0]!.headers.has('x-debug')).toBe(false);
  });

  it('encodes path parameters and refuses an empty id before sending', async () => {
    api.on('GET', '/files/:id', reply.json({ id: 'x' }));
    await mockCore().get(path`/files/${'a/b c'}`);
    expect(api.calls[0]!.url.pathname).toBe('/v1/files/a%2Fb%20c');
    expect(() => path`/files/${''}`).toThrow(RequestError);
  });

  it('sends arrays in the query as name[] and drops undefined values', async () => {
    api.on('GET', '/things', reply.json({ data: [] }));
    await mockCore({ defaultQuery: { 'api-version': '2024' } }).get('/things', { query: { include: ['a', 'b'], limit: 2, after: undefined } });
    expect(api.calls[0]!.query).toEqual({ 'api-version': '2024', 'include[]': ['a', 'b'], limit: '2' });
  });

  it('returns binary bodies as bytes with their content type', async () => {
    api.on('POST', '/audio/speech', reply.binary(new Uint8Array([1, 2, 3]), 'audio/mpeg'));
    const audio = await mockCore().postBinary('/audio/speech', { body: { input: 'hi' } });
    expect(audio.contentType).toBe('audio/mpeg');
    expect([...audio.data]).toEqual([1, 2, 3]);
  });

  it('refuses a negative per-call timeout before sending', async () => {
    api.on('GET', '/models', reply.json({ data: [] }));
    await expect(mockCore().get('/models', {}, { timeout: -1 })).rejects.toMatchObject({ category: 'request', kind: 'validation' });
    expect(api.calls).toHaveLength(0);
  });
});
