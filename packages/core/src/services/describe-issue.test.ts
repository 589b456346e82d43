/**
 * Validation messages for zod/mini schemas, which carry no locale (every zod/mini message is
 * "Invalid input"): core words each issue from its structured fields. This file imports only
 * zod/mini; loading zod classic would install its English locale and hide the wording under test.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { RequestError, validateParams, type ParamsSchema } from '../index.js';

/** The message of the RequestError that validating `value` against `schema` throws. */
function messageFor(schema: unknown, value: unknown, what?: string): string {
  try {
    validateParams(schema as ParamsSchema, value, what);
  } catch (error) {
    expect(error).toBeInstanceOf(RequestError);
    return (error as RequestError).message;
  }
  throw new Error('expected validation to fail');
}

describe('zod/mini issues worded by core', () => {
  it('runs without a zod locale, so the raw messages are generic', () => {
    expect(z.string().safeParse(1).error?.issues[0]?.message).toBe('Invalid input');
  });

  it('says a missing field is required', () => {
    expect(messageFor(z.object({ model: z.string() }), {})).toBe('Invalid params: model: is required');
  });

  it('names the expected and the received type', () => {
    const schema = z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.number() });
    expect(messageFor(schema, { a: 1, b: [1], c: null, d: 'x' })).toBe(
      'Invalid params: a: expected string, got number; b: expected string, got array; c: expected string, got null; d: expected number, got string',
    );
  });

  it('gives string bounds in characters', () => {
    const schema = z.object({ short: z.string().check(z.minLength(3)), long: z.string().check(z.maxLength(2)) });
    expect(messageFor(schema, { short: 'a', long: 'abc' })).toBe('Invalid params: short: must be at least 3 characters; long: must be at most 2 characters');
  });

  it('gives array bounds in items', () => {
    const schema = z.object({ few: z.array(z.number()).check(z.minLength(2)), many: z.array(z.number()).check(z.maxLength(1)) });
    expect(messageFor(schema, { few: [1], many: [1, 2] })).toBe('Invalid params: few: must be at least 2 items; many: must be at most 1 items');
  });

  it('gives number bounds without a unit', () => {
    const schema = z.object({ temperature: z.number().check(z.minimum(0), z.maximum(2)) });
    expect(messageFor(schema, { temperature: 5 })).toBe('Invalid params: temperature: must be at most 2');
    expect(messageFor(schema, { temperature: -1 })).toBe('Invalid params: temperature: must be at least 0');
  });

  it('lists the accepted values of an enum or a literal', () => {
    const schema = z.object({ role: z.enum(['user', 'assistant']), n: z.literal(3) });
    expect(messageFor(schema, { role: 'wizard', n: 4 })).toBe('Invalid params: role: must be one of "user", "assistant"; n: must be one of 3');
  });

  it('names the unknown keys of a strict object', () => {
    expect(messageFor(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 })).toBe('Invalid params: params: has unknown keys b, c');
  });

  it('shows the pattern a string must match', () => {
    expect(messageFor(z.object({ id: z.string().check(z.regex(/^file-/)) }), { id: 'x' })).toBe('Invalid params: id: must match /^file-/');
  });

  it('keeps a custom message from a refinement', () => {
    const schema = z.object({ size: z.string().check(z.refine((value) => value.includes('x'), 'must look like 1024x1024')) });
    expect(messageFor(schema, { size: '1024' })).toBe('Invalid params: size: must look like 1024x1024');
  });

  it('says "is not valid" for a refinement without a message', () => {
    expect(messageFor(z.object({ n: z.number().check(z.refine((value) => value > 1)) }), { n: 1 })).toBe('Invalid params: n: is not valid');
  });

  it('uses the name it is given for a root issue', () => {
    expect(messageFor(z.string(), 1, 'body')).toBe('Invalid body: body: expected string, got number');
  });

  it('writes array indexes in brackets and nested keys with dots', () => {
    const schema = z.object({ messages: z.array(z.object({ content: z.object({ text: z.string() }) })) });
    expect(messageFor(schema, { messages: [{ content: { text: 'ok' } }, { content: { text: 7 } }] })).toBe(
      'Invalid params: messages[1].content.text: expected string, got number',
    );
  });

  it('lists the issues in order, each with its own path', () => {
    const error = (() => {
      try {
        validateParams(z.object({ a: z.string(), b: z.number() }) as ParamsSchema, { b: 'x' });
      } catch (caught) {
        return caught as RequestError;
      }
      throw new Error('expected validation to fail');
    })();
    expect(error.kind).toBe('validation');
    expect(error.issues).toEqual([
      { path: 'a', message: 'is required' },
      { path: 'b', message: 'expected number, got string' },
    ]);
  });
});

describe('zod/mini unions worded by core', () => {
  it('reports the branch that got furthest, at its full path', () => {
    const schema = z.object({ input: z.union([z.string(), z.object({ content: z.object({ text: z.string() }) })]) });
    expect(messageFor(schema, { input: { content: { text: 1 } } })).toBe('Invalid params: input.content.text: expected string, got number');
  });

  it('says no form matched when every branch fails at the union itself', () => {
    expect(messageFor(z.object({ stop: z.union([z.string(), z.array(z.string())]) }), { stop: 1 })).toBe(
      'Invalid params: stop: does not match any accepted form',
    );
  });

  it('lists the discriminator values and the one it got', () => {
    const schema = z.object({
      tool: z.discriminatedUnion('type', [z.object({ type: z.literal('function') }), z.object({ type: z.literal('file_search') })]),
    });
    expect(messageFor(schema, { tool: { type: 'web' } })).toBe('Invalid params: tool.type: must be one of "function", "file_search", got "web"');
    expect(messageFor(schema, { tool: {} })).toBe('Invalid params: tool.type: must be one of "function", "file_search"');
  });

  it('reports the issue inside a union nested in a union branch', () => {
    const inner = z.union([z.number(), z.object({ deep: z.string() })]);
    const schema = z.object({ value: z.union([z.boolean(), inner]) });
    expect(messageFor(schema, { value: { deep: 1 } })).toBe('Invalid params: value.deep: expected string, got number');
  });
});
