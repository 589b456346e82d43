/**
 * Turns a zod 4 schema into the JSON Schema that Structured Outputs accepts: zod's own
 * `toJSONSchema`, without `$schema`, checked for what strict mode requires (every property
 * required, no extra properties), so a mistake is a clear error before anything is sent.
 */
import { RequestError } from '@integrations/openai-core';
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';

type JsonSchema = Record<string, unknown>;

function checkStrict(schema: JsonSchema, path: string, problems: string[]): void {
  if (schema.type === 'object' || schema.properties) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const name of Object.keys(properties)) {
      if (!required.has(name)) problems.push(`${path}.${name} is optional: use .nullable() instead of .optional(), or strict: false`);
    }
    if (schema.additionalProperties !== false) problems.push(`${path} allows extra properties: use z.object() or z.strictObject(), or strict: false`);
  }
  for (const key of ['properties', '$defs', 'definitions'] as const) {
    const children = schema[key] as Record<string, JsonSchema> | undefined;
    for (const [name, child] of Object.entries(children ?? {})) checkStrict(child, key === 'properties' ? `${path}.${name}` : `#${key}/${name}`, problems);
  }
  if (schema.items && typeof schema.items === 'object') checkStrict(schema.items as JsonSchema, `${path}[]`, problems);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    (schema[key] as JsonSchema[] | undefined)?.forEach((child) => checkStrict(child, path, problems));
  }
}

/**
 * The JSON Schema of `schema` for the API; throws a validation error listing what strict mode
 * would refuse.
 *
 * @example
 * toStrictJsonSchema(z.object({ city: z.string() }), true);
 */
export function toStrictJsonSchema(schema: $ZodType, strict: boolean): JsonSchema {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' }) as JsonSchema;
  } catch (error) {
    throw new RequestError({ kind: 'validation', message: `This zod schema cannot be expressed as JSON Schema: ${(error as Error).message}`, cause: error });
  }
  delete json.$schema;
  if (strict) {
    const problems: string[] = [];
    checkStrict(json, '$', problems);
    if (problems.length > 0) {
      throw new RequestError({
        kind: 'validation',
        message: `Structured Outputs in strict mode would refuse this schema: ${problems.join('; ')}`,
        issues: problems.map((problem) => ({ path: problem.split(' ')[0]!, message: problem })),
      });
    }
  }
  return json;
}
