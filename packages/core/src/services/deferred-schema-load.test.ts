import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/errors.js';
import { deferredSchema, validateParamsAsync } from './validation.js';

function moduleNotFound(message: string, code = 'ERR_MODULE_NOT_FOUND'): Error {
  return Object.assign(new Error(message), { code });
}

describe('a schema module that cannot load', () => {
  it.each([
    ["Cannot find package 'zod' imported from /app/node_modules/@integrations/openai-chat/dist/schemas.js", 'ERR_MODULE_NOT_FOUND'],
    ["Cannot find module 'zod/mini'\nRequire stack:\n- /app/node_modules/@integrations/openai-chat/dist/schemas.cjs", 'MODULE_NOT_FOUND'],
  ])('is a ConfigurationError naming the missing peer dependency zod (%#)', async (message, code) => {
    const schema = deferredSchema(() => Promise.reject(moduleNotFound(message, code)));
    const error = await validateParamsAsync(schema, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ kind: 'missing_dependency', message: expect.stringContaining('npm install zod') });
  });

  it('is a typed schema_unavailable error for any other failure, and is tried again on the next call', async () => {
    let calls = 0;
    const schema = deferredSchema(async () => {
      calls++;
      if (calls === 1) throw new Error('chunk failed to load');
      return { safeParse: (value: unknown) => ({ success: true as const, data: value }) };
    });
    await expect(validateParamsAsync(schema, {})).rejects.toMatchObject({ category: 'configuration', kind: 'schema_unavailable', message: expect.stringContaining('chunk failed to load') });
    await expect(validateParamsAsync(schema, { a: 1 })).resolves.toEqual({ a: 1 });
  });
});
