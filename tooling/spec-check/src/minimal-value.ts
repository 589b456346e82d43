/**
 * The smallest value the spec accepts for a schema: required fields only, the first enum value,
 * the smallest array allowed, a number inside the bounds. A probe starts from this value and
 * changes exactly one thing, so a refusal can only come from that one thing.
 */
import { leavesOf, type Leaf } from './schema-leaves.js';
import type { SpecDocument, SpecSchema } from './spec-document.js';
import { specAccepts } from './spec-validator.js';

const isPrimitive = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

function minimalNumber(schema: SpecSchema, integer: boolean): number {
  let value = 1;
  if (schema.minimum !== undefined && value < schema.minimum) value = schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) value = schema.exclusiveMinimum + (integer ? 1 : 0.5);
  if (schema.maximum !== undefined && value > schema.maximum) value = schema.maximum;
  if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) value = schema.exclusiveMaximum - (integer ? 1 : 0.5);
  return integer ? Math.ceil(value) : value;
}

function minimalOfLeaf(spec: SpecDocument, leaf: Leaf, depth: number): unknown {
  const { schema } = leaf;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.example !== undefined && isPrimitive(schema.example) && specAccepts(spec, schema, schema.example)) return schema.example;
  switch (leaf.type) {
    case 'null': return null;
    case 'boolean': return true;
    case 'integer': return minimalNumber(schema, true);
    case 'number': return minimalNumber(schema, false);
    case 'array': {
      const item = schema.items ? minimalValue(spec, schema.items, depth + 1) : 'x';
      return Array.from({ length: schema.minItems ?? 0 }, () => item);
    }
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const property = schema.properties?.[key];
        value[key] = property ? minimalValue(spec, property, depth + 1) : 'x';
      }
      return value;
    }
    case 'string':
    case undefined:
    default:
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
  }
}

/** The minimal accepted value, or undefined when no leaf yields one (a self-referencing schema). */
export function minimalValue(spec: SpecDocument, schema: SpecSchema, depth = 0): unknown {
  if (depth > 16) return undefined;
  // An example on the field itself (a model id, a URL) reads better than "x" and is just as valid.
  const resolved = spec.resolve(schema);
  if (resolved.example !== undefined && isPrimitive(resolved.example) && specAccepts(spec, schema, resolved.example)) return resolved.example;
  const leaves = leavesOf(spec, schema);
  for (const leaf of leaves) {
    const value = minimalOfLeaf(spec, leaf, depth);
    if (value !== undefined && specAccepts(spec, schema, value)) return value;
  }
  return leaves.length > 0 ? minimalOfLeaf(spec, leaves[0]!, depth) : undefined;
}
