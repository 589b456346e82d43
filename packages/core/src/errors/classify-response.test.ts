import { describe, expect, it } from 'vitest';
import { ApiKey } from '../config/api-key.js';
import { classifyErrorResponse, classifyStreamError, parseApiErrorBody } from './classify-response.js';
import { ContentPolicyError, RateLimitError, RequestError, ServerError } from './errors.js';

const KEY = 'sk-test-classify-7c1d';
const apiKey = new ApiKey(KEY);

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return classifyErrorResponse({ status, headers: new Headers(headers), text, apiKey });
}

describe('classifyErrorResponse: which error', () => {
  it.each(['insufficient_quota', 'billing_hard_limit_reached'])('reports a 429 with code %s as a quota problem that no retry fixes', (code) => {
    const error = respond(429, { error: { message: 'Pay up', code } });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ kind: 'quota_exceeded', retryable: false });
  });

  it('recognises a quota problem given only as the error type', () => {
    expect(respond(429, { error: { message: 'Pay up', type: 'insufficient_quota', code: null } })).toMatchObject({ kind: 'quota_exceeded' });
  });

  it('keeps an ordinary 429 retryable', () => {
    expect(respond(429, { error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' } })).toMatchObject({ kind: 'too_many_requests', retryable: true });
  });

  it('does not call a 400 with a quota code a quota problem', () => {
    expect(respond(400, { error: { message: 'odd', code: 'insufficient_quota' } })).toMatchObject({ category: 'request', kind: 'validation' });
  });

  it.each(['content_policy_violation', 'content_filter', 'moderation_blocked'])('reports a 400 with code %s as a content policy refusal', (code) => {
    const error = respond(400, { error: { message: 'refused', code } });
    expect(error).toBeInstanceOf(ContentPolicyError);
    expect(error).toMatchObject({ kind: 'content_filtered', retryable: false });
  });

  it('recognises a content policy refusal given only as the error type', () => {
    expect(respond(400, { error: { message: 'refused', type: 'content_filter' } })).toBeInstanceOf(ContentPolicyError);
  });

  it('does not call a 500 with a content policy code a content refusal', () => {
    expect(respond(500, { error: { message: 'odd', code: 'content_filter' } })).toMatchObject({ category: 'server', kind: 'internal_error' });
  });

  it('classifies a 429 or a 400 whose body is not JSON by its status alone', () => {
    expect(respond(429, 'Too Many Requests')).toMatchObject({ category: 'rate_limit', kind: 'too_many_requests', retryable: true });
    expect(respond(400, '')).toMatchObject({ category: 'request', kind: 'validation' });
  });

  it('maps an unlisted 5xx to a server error and an unlisted 4xx to a bad request, neither retried', () => {
    expect(respond(505, { error: { message: 'no' } })).toMatchObject({ category: 'server', kind: 'server_error', retryable: false });
    expect(respond(499, { error: { message: 'no' } })).toMatchObject({ category: 'request', kind: 'bad_request', retryable: false });
  });

  it('lets x-should-retry decide, and ignores any other value of it', () => {
    expect(respond(400, { error: { message: 'x' } }, { 'x-should-retry': 'true' }).retryable).toBe(true);
    expect(respond(503, { error: { message: 'x' } }, { 'x-should-retry': 'false' }).retryable).toBe(false);
    expect(respond(503, { error: { message: 'x' } }, { 'x-should-retry': 'maybe' }).retryable).toBe(true);
    expect(respond(400, { error: { message: 'x' } }, { 'x-should-retry': 'maybe' }).retryable).toBe(false);
  });
});

describe('classifyErrorResponse: what the error carries', () => {
  it('carries the server fields, the request id and the wait hint', () => {
    const error = respond(429, { error: { message: 'slow down', type: 'requests', param: 'model', code: 'rate_limit_exceeded' } }, { 'x-request-id': 'req_1', 'retry-after-ms': '250' });
    expect(error).toMatchObject({ status: 429, requestId: 'req_1', type: 'requests', param: 'model', code: 'rate_limit_exceeded', retryAfterMs: 250 });
    expect(error.message).toBe('429 slow down (request req_1)');
  });

  it('turns a numeric server code into text', () => {
    expect(respond(400, { error: { message: 'bad', code: 42 } }).code).toBe('42');
  });

  it('leaves fields the server sent as null out of the logged error', () => {
    const error = respond(400, { error: { message: 'bad', type: null, param: null, code: null } });
    expect(Object.keys(error.toJSON())).toEqual(['name', 'message', 'category', 'kind', 'errorCode', 'retryable', 'status']);
  });

  it('leaves the request id out of the message when the server sent none', () => {
    const error = respond(500, { error: { message: 'boom' } });
    expect(error.message).toBe('500 boom');
    expect(error.requestId).toBeUndefined();
  });

  it('redacts the API key when the server echoes it back', () => {
    const error = respond(401, { error: { message: `Incorrect API key provided: ${KEY}.` } });
    expect(error.message).toBe('401 Incorrect API key provided: [REDACTED].');
  });

  it('redacts the API key wherever the error body echoes it', () => {
    const error = respond(400, { error: { message: 'bad', type: `t ${KEY}`, param: `p ${KEY}`, code: `c ${KEY}` } });
    expect(error).toMatchObject({ type: 't [REDACTED]', param: 'p [REDACTED]', code: 'c [REDACTED]' });
  });

  it('leaves no part of the key behind when a quoted body is cut at 200 characters', () => {
    const error = respond(500, `${'x'.repeat(195)}${KEY}`);
    expect(error.message).toBe(`500 the response body was not an API error object: "${'x'.repeat(195)}[REDA"`);
  });

  it('keeps the attempts and duration it is given, and redacted headers', () => {
    const error = classifyErrorResponse({ status: 500, headers: new Headers({ 'set-cookie': 'a=b', 'x-trace': 't' }), text: '{}', apiKey, attempts: 3, durationMs: 1200 });
    expect(error).toMatchObject({ attempts: 3, durationMs: 1200, headers: { 'set-cookie': '[REDACTED]', 'x-trace': 't' } });
  });
});

describe('classifyErrorResponse: bodies that are not an API error', () => {
  it('says the body was empty', () => {
    expect(respond(502, '  \n').message).toBe('502 the response body was empty');
  });

  it('says an HTML page came back, from the content type or the markup', () => {
    expect(respond(502, 'Bad gateway', { 'content-type': 'text/html; charset=utf-8' }).message).toMatch(/^502 the server returned an HTML page instead of JSON/);
    expect(respond(502, '<!DOCTYPE html><p>down</p>').message).toMatch(/HTML page/);
    expect(respond(502, '<HTML><body>down</body></HTML>').message).toMatch(/HTML page/);
    expect(respond(502, '<error>down</error>').message).not.toMatch(/HTML page/);
    expect(respond(502, 'upstream sent <html> instead').message).not.toMatch(/HTML page/);
  });

  it('quotes at most 200 characters of any other body', () => {
    const error = respond(500, `  ${'x'.repeat(300)}  `);
    expect(error.message).toBe(`500 the response body was not an API error object: "${'x'.repeat(200)}"`);
  });

  it('quotes JSON that holds no error message', () => {
    expect(respond(500, { detail: 'nope' }).message).toBe('500 the response body was not an API error object: "{\\"detail\\":\\"nope\\"}"');
  });
});

describe('parseApiErrorBody', () => {
  it('reads the error object, a bare error string, or a top-level message', () => {
    expect(parseApiErrorBody('{"error":{"message":"m","code":"c"}}')).toEqual({ message: 'm', code: 'c' });
    expect(parseApiErrorBody('{"error":"plain words"}')).toEqual({ message: 'plain words' });
    expect(parseApiErrorBody('{"message":"top level"}')).toEqual({ message: 'top level' });
  });

  it('finds nothing in JSON that is not an object or has no message text', () => {
    expect(parseApiErrorBody('"just a string"')).toBeUndefined();
    expect(parseApiErrorBody('null')).toBeUndefined();
    expect(parseApiErrorBody('{"error":null,"message":7}')).toBeUndefined();
    expect(parseApiErrorBody('not json')).toBeUndefined();
  });

  it('falls back to a top-level message when error is null', () => {
    expect(parseApiErrorBody('{"error":null,"message":"top"}')).toEqual({ message: 'top' });
  });
});

describe('classifyStreamError', () => {
  it.each([
    ['server_error', ServerError, 'internal_error', true],
    ['rate_limit_exceeded', RateLimitError, 'too_many_requests', true],
    ['tokens', RateLimitError, 'too_many_requests', true],
    ['insufficient_quota', RateLimitError, 'quota_exceeded', false],
    ['invalid_request_error', RequestError, 'bad_request', false],
    ['content_policy_violation', ContentPolicyError, 'content_filtered', false],
  ] as const)('maps an error event of type %s to %o %s', (type, errorClass, kind, retryable) => {
    const error = classifyStreamError({ message: 'in stream', type }, apiKey);
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ kind, retryable, type });
    expect(error.code).toBeUndefined();
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('treats an error event whose code and type are %s as an unknown server error', (name) => {
    const error = classifyStreamError({ message: 'odd', type: name, code: name }, apiKey);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ kind: 'server_error', retryable: false, type: name, code: name });
  });

  it('prefers the error code over the type', () => {
    expect(classifyStreamError({ type: 'invalid_request_error', code: 'rate_limit_exceeded' }, apiKey)).toMatchObject({ kind: 'too_many_requests', code: 'rate_limit_exceeded' });
  });

  it('treats an unknown error event as a server error that is not retried', () => {
    const error = classifyStreamError({ type: 'mystery', code: null, param: null }, apiKey, 'req_9');
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ kind: 'server_error', retryable: false, requestId: 'req_9' });
    expect(Object.keys(error.toJSON())).toEqual(['name', 'message', 'category', 'kind', 'errorCode', 'retryable', 'requestId', 'type']);
  });

  it('turns a numeric code into text and keeps the param', () => {
    expect(classifyStreamError({ message: 'x', code: 500, param: 'input' }, apiKey)).toMatchObject({ code: '500', param: 'input' });
  });

  it('redacts the API key in every text field of an error event', () => {
    const error = classifyStreamError({ message: 'm', type: `t ${KEY}`, param: `p ${KEY}`, code: `c ${KEY}` }, apiKey);
    expect(error).toMatchObject({ type: 't [REDACTED]', param: 'p [REDACTED]', code: 'c [REDACTED]' });
  });

  it('prefixes the message, redacts the key, and has a default when the event says nothing', () => {
    expect(classifyStreamError({ message: `bad key ${KEY}` }, apiKey).message).toBe('Stream error: bad key [REDACTED]');
    expect(classifyStreamError({}, apiKey).message).toBe('Stream error: the server sent an error event');
  });
});
