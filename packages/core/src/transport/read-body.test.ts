import { describe, expect, it } from 'vitest';
import { ApiKey } from '../config/api-key.js';
import { ResponseError } from '../errors/errors.js';
import { parseJsonBody } from './read-body.js';

const apiKey = new ApiKey('sk-test-read-body');

/** What parsing `text` threw, given the response's content type (none when undefined). */
function failure(text: string, contentType?: string): ResponseError {
  const headers = new Headers({ 'x-request-id': 'req_7' });
  if (contentType !== undefined) headers.set('content-type', contentType);
  try {
    parseJsonBody(text, { status: 200, headers } as Response, apiKey);
  } catch (error) {
    return error as ResponseError;
  }
  throw new Error('expected parseJsonBody to throw');
}

describe('parseJsonBody', () => {
  it('reports an empty or blank body as empty_body, not retryable', () => {
    expect(failure('')).toMatchObject({ kind: 'empty_body', retryable: false, status: 200, requestId: 'req_7', message: 'Expected a JSON body but the response (status 200) was empty.' });
    expect(failure('  \n ').kind).toBe('empty_body');
  });

  it('refuses a body labelled as HTML even when it looks like JSON', () => {
    expect(failure('{"ok":true}', 'text/html; charset=utf-8')).toMatchObject({ kind: 'unexpected_content_type', message: expect.stringContaining('HTML page') });
  });

  it('calls a body invalid JSON when HTML markup appears only inside it', () => {
    expect(failure('oops <html> later', 'application/json').kind).toBe('invalid_json');
  });

  it('calls a cut JSON body invalid_json, with its length', () => {
    expect(failure('{"trunc', 'application/json')).toMatchObject({ kind: 'invalid_json', retryable: false, message: 'The response body is not valid JSON (7 characters; it may have been truncated).' });
  });

  it('calls bad JSON without any content type invalid_json', () => {
    expect(failure('{"trunc').kind).toBe('invalid_json');
  });

  it('names the content type when a non-JSON type carried a non-JSON body', () => {
    expect(failure('plain words', 'text/plain')).toMatchObject({ kind: 'unexpected_content_type', message: 'Expected JSON but got content-type "text/plain".' });
    expect(failure('plain words', 'text/plain; profile=application/json').kind).toBe('unexpected_content_type');
  });

  it('accepts structured JSON types such as application/vnd.api+json', () => {
    expect(failure('{"trunc', 'application/vnd.api+json').kind).toBe('invalid_json');
    expect(parseJsonBody('{"a":1}', { status: 200, headers: new Headers({ 'content-type': 'application/problem+json' }) } as Response, apiKey)).toEqual({ a: 1 });
  });
});
