import { describe, expect, it } from 'vitest';
import { ApiKey } from '../config/api-key.js';
import { classifyErrorResponse } from './classify-response.js';

const apiKey = new ApiKey('sk-code-test');

describe('the code of an HTTP error', () => {
  it.each([
    ['absent', '{"error":{"message":"bad","type":"invalid_request_error"}}'],
    ['null', '{"error":{"message":"bad","type":"invalid_request_error","code":null}}'],
  ])('is undefined when the API sends it %s, not the text "undefined" or "null"', (_how, text) => {
    const error = classifyErrorResponse({ status: 400, headers: new Headers(), text, apiKey });
    expect(error.code).toBeUndefined();
    expect(Object.keys(error.toJSON())).not.toContain('code');
  });

  it('is the API code as text when it is a number', () => {
    const error = classifyErrorResponse({ status: 400, headers: new Headers(), text: '{"error":{"message":"bad","code":42}}', apiKey });
    expect(error.code).toBe('42');
  });
});
