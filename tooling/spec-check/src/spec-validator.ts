/**
 * The oracle: does the spec accept a value? A small validator for exactly the keywords the
 * spec uses on request bodies. It decides which generated values are real violations, so an
 * open enum (`anyOf: [string, enum]`) never counts as a constraint.
 *
 * Two deliberate departures from JSON Schema:
 * - `oneOf` is read as `anyOf`: the spec's branches overlap (a plain string next to a string
 *   enum), so strict exclusivity would reject the very values the API documents.
 * - `additionalProperties: false` is ignored: our schemas pass unknown fields through on
 *   purpose (new API fields must not need a release), so extra keys are never probed.
 */
import type { SpecDocument, SpecSchema } from './spec-document.js';

/** The JSON type of a value, as JSON Schema names it (`integer` for whole numbers). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(type: string, value: unknown): boolean {
  const actual = jsonTypeOf(value);
  return type === actual || (type === 'number' && actual === 'integer');
}

function exclusiveBound(bound: number | boolean | undefined, limit: number | undefined): number | undefined {
  if (typeof bound === 'number') return bound;
  return bound === true ? limit : undefined; // OpenAPI 3.0 style: a boolean that tightens minimum/maximum
}

function numberAccepted(schema: SpecSchema, value: number): boolean {
  const exclusiveMinimum = exclusiveBound(schema.exclusiveMinimum, schema.minimum);
  const exclusiveMaximum = exclusiveBound(schema.exclusiveMaximum, schema.maximum);
  if (schema.minimum !== undefined && value < schema.minimum) return false;
  if (schema.maximum !== undefined && value > schema.maximum) return false;
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) return false;
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) return false;
  return true;
}

function stringAccepted(schema: SpecSchema, value: string): boolean {
  const length = [...value].length; // JSON Schema counts code points
  if (schema.minLength !== undefined && length < schema.minLength) return false;
  if (schema.maxLength !== undefined && length > schema.maxLength) return false;
  return schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(value);
}

/** True when the spec accepts `value` for `schema`. */
export function specAccepts(spec: SpecDocument, schema: SpecSchema, value: unknown, depth = 0): boolean {
  if (depth > 64) return true; // a self-referencing schema deeper than any request we build
  if (value === null && schema.nullable === true) return true;
  if (schema.$ref !== undefined) return specAccepts(spec, spec.resolve(schema), value, depth + 1);
  const accepts = (inner: SpecSchema, innerValue: unknown) => specAccepts(spec, inner, innerValue, depth + 1);
  if (schema.allOf && !schema.allOf.every((part) => accepts(part, value))) return false;
  if (schema.anyOf && !schema.anyOf.some((branch) => accepts(branch, value))) return false;
  if (schema.oneOf && !schema.oneOf.some((branch) => accepts(branch, value))) return false;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => typeMatches(type, value))) return false;
  }
  if (schema.enum && !schema.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) return false;
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  if (typeof value === 'number' && !numberAccepted(schema, value)) return false;
  if (typeof value === 'string' && !stringAccepted(schema, value)) return false;
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return false;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return false;
    if (schema.items && !value.every((item) => accepts(schema.items!, item))) return false;
  }
  if (jsonTypeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    if (schema.required?.some((key) => record[key] === undefined)) return false;
    for (const [key, item] of Object.entries(record)) {
      if (item === undefined) continue;
      const property = schema.properties?.[key];
      if (property !== undefined) {
        if (!accepts(property, item)) return false;
      } else if (typeof schema.additionalProperties === 'object' && !accepts(schema.additionalProperties, item)) {
        return false;
      }
    }
  }
  return true;
}
