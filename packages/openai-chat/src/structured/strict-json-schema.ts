/**
 * Turns a zod 4 schema into the JSON Schema that Structured Outputs accepts: zod's own
 * `toJSONSchema`, without `$schema`, with optional fields made required-and-nullable, checked
 * for what strict mode still refuses (extra properties), so a mistake is a clear error before
 * anything is sent.
 */
import { RequestError } from '@integrations/openai-core';
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { makeOptionalsNullable } from './optional-fields.js';

type JsonSchema = Record<string, unknown>;

function checkStrict(schema: JsonSchema, path: string, problems: string[]): void {
  if (schema.type === 'object' || schema.properties) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const name of Object.keys(properties)) {
      if (!required.has(name)) problems.push(`${path}.${name} is optional`);
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

/** The JSON Schema to send, and how to prepare the model's answer for the user's schema. */
export interface StrictJsonSchema {
  schema: JsonSchema;
  /** Turns `null` back into an absent field where the user's schema said `.optional()`. */
  restore(value: unknown): unknown;
}

/**
 * The JSON Schema of `schema` for the API. In strict mode optional fields are sent as
 * required-and-nullable (see `optional-fields.ts`); anything else strict mode would refuse is
 * a validation error listing it.
 *
 * @example
 * toStrictJsonSchema(z.object({ city: z.string(), note: z.optional(z.string()) }), true);
 */
export function toStrictJsonSchema(schema: $ZodType, strict: boolean): StrictJsonSchema {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' }) as JsonSchema;
  } catch (error) {
    throw new RequestError({ kind: 'validation', message: `This zod schema cannot be expressed as JSON Schema: ${(error as Error).message}`, cause: error });
  }
  delete json.$schema;
  if (!strict) return { schema: json, restore: (value) => value };
  const restore = makeOptionalsNullable(json);
  const problems: string[] = [];
  checkStrict(json, '$', problems);
  if (problems.length > 0) {
    throw new RequestError({
      kind: 'validation',
      message: `Structured Outputs in strict mode would refuse this schema: ${problems.join('; ')}`,
      issues: problems.map((problem) => ({ path: problem.split(' ')[0]!, message: problem })),
    });
  }
  return { schema: json, restore };
}
