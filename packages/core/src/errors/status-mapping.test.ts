import { reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { caught, mockCore } from '../../test/helpers.js';
import {
  AuthenticationError, ContentPolicyError, NetworkError, OpenAIError, RateLimitError, RequestError, ResourceError, ServerError,
} from '../index.js';

const api = useMockApi();

describe('HTTP status mapping (DESIGN §4)', () => {
  const rows = [
    { status: 400, type: RequestError, kind: 'validation', retryable: false },
    { status: 401, type: AuthenticationError, kind: 'invalid_api_key', retryable: false },
    { status: 403, type: AuthenticationError, kind: 'permission_denied', retryable: false },
    { status: 404, type: ResourceError, kind: 'not_found', retryable: false },
    { status: 408, type: NetworkError, kind: 'timeout', retryable: true },
    { status: 409, type: ResourceError, kind: 'already_exists', retryable: false },
    { status: 413, type: RequestError, kind: 'payload_too_large', retryable: false },
    { status: 422, type: RequestError, kind: 'validation', retryable: false },
    { status: 429, type: RateLimitError, kind: 'too_many_requests', retryable: true },
    { status: 500, type: ServerError, kind: 'internal_error', retryable: true },
    { status: 502, type: ServerError, kind: 'bad_gateway', retryable: true },
    { status: 503, type: ServerError, kind: 'service_unavailable', retryable: true },
    { status: 504, type: ServerError, kind: 'gateway_timeout', retryable: true },
    { status: 418, type: RequestError, kind: 'bad_request', retryable: false },
    { status: 520, type: ServerError, kind: 'server_error', retryable: false },
  ] as const;

  it.each(rows)('maps $status to $type.name of kind $kind (retryable: $retryable)', async ({ status, type, kind, retryable }) => {
    api.on('POST', '/chat/completions', reply.error(status, { message: `failure ${status}`, type: 'some_type', code: 'some_code', param: 'messages' }, { 'x-request-id': `req_${status}` }));
    const error = await caught<OpenAIError>(() => mockCore().post('/chat/completions', { body: {} }));
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ kind, retryable, status, requestId: `req_${status}`, type: 'some_type', code: 'some_code', param: 'messages', attempts: 1 });
    expect(error.message).toContain(`failure ${status}`);
    expect(error.message).toContain(`req_${status}`);
  });

  it('maps a 429 with code insufficient_quota to quota_exceeded, not retryable', async () => {
    api.on('POST', '/chat/completions', reply.error(429, { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' }));
    const error = await caught<RateLimitError>(() => mockCore().post('/chat/completions', { body: {} }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ kind: 'quota_exceeded', code: 'insufficient_quota', errorCode: 'OPENAI_QUOTA_EXCEEDED', retryable: false });
  });

  it('maps a 400 content policy violation to ContentPolicyError', async () => {
    api.on('POST', '/images/generations', reply.error(400, { message: 'rejected by safety system', code: 'content_policy_violation' }));
    const error = await caught(() => mockCore().post('/images/generations', { body: {} }));
    expect(error).toBeInstanceOf(ContentPolicyError);
    expect(error).toMatchObject({ kind: 'content_filtered' });
  });

  it('lets x-should-retry override the default retryability', async () => {
    api.on('POST', '/a', reply.error(400, { message: 'retry me' }, { 'x-should-retry': 'true' }));
    api.on('POST', '/b', reply.error(503, { message: 'do not' }, { 'x-should-retry': 'false' }));
    expect(await caught(() => mockCore().post('/a', { body: {} }))).toMatchObject({ retryable: true });
    expect(await caught(() => mockCore().post('/b', { body: {} }))).toMatchObject({ retryable: false });
  });

  it.each([
    ['retry-after-ms', '1500', 1500],
    ['retry-after', '3', 3000],
  ])('reads the server wait hint from %s', async (header, value, expected) => {
    api.on('POST', '/chat/completions', reply.error(429, { message: 'slow down' }, { [header]: value }));
    expect(await caught(() => mockCore().post('/chat/completions', { body: {} }))).toMatchObject({ retryAfterMs: expected });
  });

  it('reads retry-after given as an HTTP date', async () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    api.on('POST', '/chat/completions', reply.error(503, { message: 'later' }, { 'retry-after': inTenSeconds }));
    const error = await caught<ServerError>(() => mockCore().post('/chat/completions', { body: {} }));
    expect(error.retryAfterMs).toBeGreaterThan(8_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(10_000);
  });

  it('explains an HTML error page from a proxy instead of showing markup', async () => {
    api.on('GET', '/models', reply.html(502));
    const error = await caught<ServerError>(() => mockCore().get('/models'));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.kind).toBe('bad_gateway');
    expect(error.message).toMatch(/HTML page/);
  });

  it('keeps redacted response headers on the error', async () => {
    api.on('GET', '/models', reply.error(500, { message: 'boom' }, { 'set-cookie': 'session=abc', 'x-trace': 't1' }));
    const error = await caught<ServerError>(() => mockCore().get('/models'));
    expect(error.headers).toMatchObject({ 'set-cookie': '[REDACTED]', 'x-trace': 't1' });
  });
});
