import { ConfigurationError, RequestError } from '@integrations/openai-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { z as z3 } from 'zod/v3';
import { zodFunction, zodResponseFormat } from '../zod.js';

/** What a zod 3 schema looks like to this package: `_def` and parse methods, no `_zod`. */
const zod3Shaped = { _def: { typeName: 'ZodObject', shape: () => ({}) }, parse: (value: unknown) => value, safeParse: (value: unknown) => ({ success: true, data: value }) };

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('zod 4 only', () => {
  it.each([
    ['a zod-3-shaped object', zod3Shaped],
    ['a real zod 3 schema (zod/v3)', z3.object({ city: z3.string() })],
  ])('says zod 4 is required when zodResponseFormat gets %s', (_name, schema) => {
    const error = thrownBy(() => zodResponseFormat(schema as never, 'answer')) as ConfigurationError;
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('unsupported_zod_version');
    expect(error.message).toMatch(/zodResponseFormat needs a zod 4 schema/);
    expect(error.message).toMatch(/zod@\^4/);
  });

  it('says zod 4 is required when zodFunction gets zod 3 parameters', () => {
    const error = thrownBy(() => zodFunction({ name: 'get_weather', parameters: zod3Shaped as never })) as ConfigurationError;
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/zodFunction needs a zod 4 schema/);
  });

  it('refuses something that is no zod schema at all as a validation error', () => {
    const error = thrownBy(() => zodResponseFormat({ type: 'object' } as never, 'answer')) as RequestError;
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('validation');
  });

  it('accepts zod 4 schemas, classic and mini', () => {
    expect(zodResponseFormat(z.object({ city: z.string() }), 'answer').json_schema.name).toBe('answer');
    expect(zodFunction({ name: 'f', parameters: zm.object({ city: zm.string() }) }).function.name).toBe('f');
  });
});
