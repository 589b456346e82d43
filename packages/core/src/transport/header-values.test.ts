/**
 * Headers a caller sets reach the server, and every value bound for a header is checked before
 * any request: a bad one is a typed error at construction (config) or a rejection (per call),
 * never a raw TypeError from fetch, and never a timer left holding the process.
 */
import { reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { mockCore, TEST_API_KEY } from '../../test/helpers.js';
import { ConfigurationError, encodeMultipart, RequestError, resolveConfig, toFile } from '../index.js';

const api = useMockApi();

describe('caller headers', () => {
  it('keeps OpenAI-Organization, OpenAI-Project and Idempotency-Key from defaultHeaders', async () => {
    api.on('POST', '/chat/completions', reply.json({ id: 'c' }));
    const core = mockCore({ defaultHeaders: { 'OpenAI-Organization': 'org-caller', 'OpenAI-Project': 'proj-caller', 'Idempotency-Key': 'idem-caller' } });
    await core.post('/chat/completions', { body: {} });
    const headers = api.calls[0]!.headers;
    expect(headers.get('openai-organization')).toBe('org-caller');
    expect(headers.get('openai-project')).toBe('proj-caller');
    expect(headers.get('idempotency-key')).toBe('idem-caller');
  });

  it('keeps them from per-call headers', async () => {
    api.on('POST', '/chat/completions', reply.json({ id: 'c' }));
    await mockCore().post('/chat/completions', { body: {} }, { headers: { 'OpenAI-Project': 'proj-call', 'Idempotency-Key': 'idem-call' } });
    expect(api.calls[0]!.headers.get('openai-project')).toBe('proj-call');
    expect(api.calls[0]!.headers.get('idempotency-key')).toBe('idem-call');
  });

  it('lets config win where config sets them, and the idempotencyKey option win over a header', async () => {
    api.on('POST', '/chat/completions', reply.json({ id: 'c' }));
    const core = mockCore({ projectId: 'proj-config', defaultHeaders: { 'OpenAI-Project': 'proj-header', 'Idempotency-Key': 'idem-header' } });
    await core.post('/chat/completions', { body: {} }, { idempotencyKey: 'idem-option' });
    expect(api.calls[0]!.headers.get('openai-project')).toBe('proj-config');
    expect(api.calls[0]!.headers.get('idempotency-key')).toBe('idem-option');
  });
});

describe('values bound for headers', () => {
  it.each([
    ['an organizationId with a newline', { organizationId: 'org-1\nX-Evil: 1' }, /organizationId/],
    ['a projectId with a space', { projectId: 'proj 1' }, /projectId/],
    ['a key with a zero-width space', { apiKey: 'sk-abc\u200Bdef' }, /non-ASCII/],
    ['a default header value with CRLF', { defaultHeaders: { 'x-team': 'a\r\nx-evil: 1' } }, /x-team/],
    ['a default header with a bad name', { defaultHeaders: { 'bad name': 'x' } }, /header name/],
  ])('refuses %s at construction as a ConfigurationError', (_name, options, message) => {
    let error: unknown;
    try {
      resolveConfig({ apiKey: TEST_API_KEY, ...options });
    } catch (caught) {
      error = caught;
    }
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('abc');
  });

  it('rejects a per-call header with a newline as a validation error, before sending', async () => {
    const pending = mockCore().get('/models', {}, { headers: { 'x-trace': 'a\nb' } });
    await expect(pending).rejects.toMatchObject({ kind: 'validation', issues: [{ path: 'options.headers' }] });
    expect(api.calls).toHaveLength(0);
  });

  it('refuses an upload content type that would inject a part header', async () => {
    const file = toFile(new Uint8Array([1]), 'a.jsonl', { type: 'application/jsonl\r\nX-Injected: 1' });
    await expect(encodeMultipart({ file })).rejects.toBeInstanceOf(RequestError);
    const fine = await encodeMultipart({ file: toFile(new Uint8Array([1]), 'a.jsonl', { type: 'application/jsonl; charset=utf-8' }) });
    expect(fine.contentType).toMatch(/^multipart\/form-data; boundary=/);
  });
});

describe('numbers a timer must hold', () => {
  it.each([
    ['timeout', { timeout: 2 ** 31 }],
    ['streamIdleTimeout', { streamIdleTimeout: 2 ** 32 }],
    ['retry.maxBackoffMs', { retry: { maxBackoffMs: 2 ** 31 } }],
    ['maxRetries NaN', { maxRetries: Number.NaN }],
  ])('refuses %s out of range at construction', (_name, options) => {
    expect(() => resolveConfig({ apiKey: TEST_API_KEY, ...options })).toThrow(ConfigurationError);
  });

  it.each([
    ['timeout above 2^31-1', { timeout: 2 ** 31 }],
    ['maxRetries NaN', { maxRetries: Number.NaN }],
    ['maxRetries 1.5', { maxRetries: 1.5 }],
    ['options as a string', 'fast' as never],
  ])('rejects a per-call %s as a validation error', async (_name, options) => {
    await expect(mockCore().get('/models', {}, options)).rejects.toMatchObject({ kind: 'validation' });
    expect(api.calls).toHaveLength(0);
  });
});
