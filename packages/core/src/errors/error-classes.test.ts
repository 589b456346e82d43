import { describe, expect, it } from 'vitest';
import {
  AuthenticationError, ConfigurationError, ContentPolicyError, NetworkError, OpenAIError, RateLimitError, RequestError,
  ResourceError, ResponseError, ServerError,
} from './errors.js';

const CLASSES = [
  [ConfigurationError, 'configuration'],
  [AuthenticationError, 'authentication'],
  [RequestError, 'request'],
  [NetworkError, 'network'],
  [RateLimitError, 'rate_limit'],
  [ServerError, 'server'],
  [ResponseError, 'response'],
  [ResourceError, 'resource'],
  [ContentPolicyError, 'content_policy'],
] as const;

describe('error classes', () => {
  it.each(CLASSES)('%o is named after its class and reports category %s', (ErrorClass, category) => {
    const error = new ErrorClass({ kind: 'something', message: 'went wrong' });
    expect(error.name).toBe(ErrorClass.name);
    expect(error.category).toBe(category);
    expect(ErrorClass.isInstance(error)).toBe(true);
    expect(String(error)).toBe(`${ErrorClass.name}: went wrong`);
  });

  it.each([
    ['invalid_api_key', 'OPENAI_INVALID_API_KEY'],
    ['missing_api_key', 'OPENAI_MISSING_API_KEY'],
    ['validation', 'OPENAI_VALIDATION'],
    ['not_found', 'OPENAI_NOT_FOUND'],
  ])('gives kind %s the stable code %s', (kind, errorCode) => {
    expect(new RequestError({ kind, message: 'x' }).errorCode).toBe(errorCode);
  });

  it('has no cause property when none was given, so logs show no empty cause', () => {
    expect(Object.hasOwn(new NetworkError({ kind: 'timeout', message: 'slow' }), 'cause')).toBe(false);
    expect(new NetworkError({ kind: 'timeout', message: 'slow', cause: 'socket' }).cause).toBe('socket');
  });

  it('recognises an error made by another installed copy of core', () => {
    const foreign = Object.assign(new Error('from the other copy'), { category: 'server', kind: 'internal_error' });
    Object.defineProperty(foreign, Symbol.for('@integrations/openai-core/error'), { value: true });
    expect(ServerError.isInstance(foreign)).toBe(true);
    expect(OpenAIError.isInstance(foreign)).toBe(true);
    expect(RequestError.isInstance(foreign)).toBe(false);
  });
});
