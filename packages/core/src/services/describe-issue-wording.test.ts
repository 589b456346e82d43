import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { describeIssue } from './describe-issue.js';
import { validateParams } from './validation.js';

function messageFor(schema: z.ZodMiniType, value: unknown): string {
  try {
    validateParams(z.object({ field: schema }), { field: value });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a validation error');
}

describe('describing a format issue', () => {
  it.each([
    [z.string().check(z.email()), 'x', 'Invalid params: field: must be a valid email'],
    [z.string().check(z.url()), 'y', 'Invalid params: field: must be a valid url'],
    [z.string().check(z.uuid()), 'q', 'Invalid params: field: must be a valid uuid'],
    [z.string().check(z.startsWith('ft:')), 'gpt', 'Invalid params: field: must start with "ft:"'],
    [z.string().check(z.endsWith('.jsonl')), 'a.txt', 'Invalid params: field: must end with ".jsonl"'],
    [z.string().check(z.regex(/^a+$/)), 'b', 'Invalid params: field: must match /^a+$/'],
  ])('names the format, not its regex (%#)', (schema, value, message) => {
    expect(messageFor(schema, value)).toBe(message);
  });
});

describe("zod's own wording", () => {
  it.each([
    ['Invalid input: expected string, received undefined', { code: 'invalid_type', expected: 'string', input: undefined }, 'is required'],
    ['Too big: expected string to have <=5 characters', { code: 'too_big', maximum: 5, origin: 'string' }, 'must be at most 5 characters'],
    ['Unrecognized key: "extra"', { code: 'unrecognized_keys', keys: ['extra'] }, 'has unknown keys extra'],
  ])('is replaced by ours, so a locale the app loaded does not change our messages: %s', (message, fields, expected) => {
    expect(describeIssue({ path: [], message, ...fields })).toBe(expected);
  });

  it('keeps a custom message', () => {
    expect(describeIssue({ code: 'invalid_value', path: [], message: 'expected a built-in voice or { id }', values: ['alloy'] })).toBe('expected a built-in voice or { id }');
  });
});
