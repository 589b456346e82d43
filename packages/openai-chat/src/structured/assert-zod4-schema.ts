/**
 * The structured-output helpers need zod 4 schemas (zod's `toJSONSchema` and parser read
 * `_zod`). A project on zod 3, or one that got a second copy of zod nested under this package,
 * would otherwise get "Cannot read properties of undefined (reading 'def')" from deep inside
 * zod. zod 4 schemas carry `_zod`; zod 3 schemas have `_def` without it.
 */
import { ConfigurationError, RequestError } from '@integrations/openai-core';
import type { $ZodType } from 'zod/v4/core';

/**
 * Throws a `ConfigurationError` naming the fix when `schema` is a zod 3 schema, and a
 * validation error when it is not a zod schema at all.
 *
 * @example
 * assertZod4Schema(options.parameters, 'zodFunction');
 */
export function assertZod4Schema(schema: unknown, helper: string): asserts schema is $ZodType {
  if (typeof schema === 'object' && schema !== null && '_zod' in schema) return;
  if (typeof schema === 'object' && schema !== null && '_def' in schema) {
    throw new ConfigurationError({
      kind: 'unsupported_zod_version',
      message: `${helper} needs a zod 4 schema, but was given a zod 3 schema. `
        + 'Install zod 4 (npm install zod@^4) and import z from "zod", or on zod 3.25 import z from "zod/v4". '
        + 'If zod 4 is installed already, check that your code and @integrations/openai-chat resolve the same copy (npm ls zod).',
    });
  }
  throw new RequestError({
    kind: 'validation',
    message: `${helper} needs a zod 4 schema, got ${schema === null ? 'null' : typeof schema}.`,
    issues: [{ path: '$', message: 'must be a zod 4 schema' }],
  });
}
