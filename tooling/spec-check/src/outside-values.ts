/**
 * For one leaf of a schema, a value just outside each constraint it declares: one past a
 * bound, one character or item too many or too few, a string that is not in the enum.
 * Whether the value really is outside is the oracle's call (another leaf may accept it).
 */
import type { Leaf } from './schema-leaves.js';

/** A generated value and the constraint it breaks. */
export interface OutsideValue {
  constraint: string;
  value: unknown;
}

/** The next number past `bound` (one for integers, a hundredth otherwise; the next double when that rounds away). */
function beyond(bound: number, direction: 1 | -1, integer: boolean): number {
  const step = integer ? 1 : 0.01;
  const next = bound + direction * step;
  if (next !== bound) return next;
  return bound + direction * Math.abs(bound) * Number.EPSILON; // ±2^63 (seed): 1 is below the float's resolution
}

/** Values outside each of `leaf`'s own constraints; `item` is a valid array item (for min/maxItems). */
export function outsideValues(leaf: Leaf, item: () => unknown): OutsideValue[] {
  const { schema, type } = leaf;
  const integer = type === 'integer';
  const values: OutsideValue[] = [];
  const add = (constraint: string, value: unknown) => values.push({ constraint, value });
  const allowed = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
  const firstString = allowed?.find((value): value is string => typeof value === 'string');
  if (firstString !== undefined) add('enum', `${firstString}_not_in_enum`);
  if (schema.minimum !== undefined) add('minimum', beyond(schema.minimum, -1, integer));
  if (schema.maximum !== undefined) add('maximum', beyond(schema.maximum, 1, integer));
  if (typeof schema.exclusiveMinimum === 'number') add('exclusiveMinimum', schema.exclusiveMinimum);
  if (typeof schema.exclusiveMaximum === 'number') add('exclusiveMaximum', schema.exclusiveMaximum);
  if (schema.exclusiveMinimum === true && schema.minimum !== undefined) add('exclusiveMinimum', schema.minimum);
  if (schema.exclusiveMaximum === true && schema.maximum !== undefined) add('exclusiveMaximum', schema.maximum);
  if (schema.minLength !== undefined && schema.minLength > 0) add('minLength', 'x'.repeat(schema.minLength - 1));
  if (schema.maxLength !== undefined) add('maxLength', 'x'.repeat(schema.maxLength + 1));
  if (schema.pattern !== undefined) for (const text of ['', ' ', '!', 'x'.repeat(300)]) add('pattern', text);
  if (schema.minItems !== undefined && schema.minItems > 0) add('minItems', Array.from({ length: schema.minItems - 1 }, item));
  if (schema.maxItems !== undefined) add('maxItems', Array.from({ length: schema.maxItems + 1 }, item));
  return values;
}

/** Values of the wrong JSON type, in the order tried: the first one the spec refuses is probed. */
export const WRONG_TYPE_VALUES: ReadonlyArray<{ type: string; value: unknown }> = [
  { type: 'string', value: 'x' },
  { type: 'integer', value: 7 },
  { type: 'boolean', value: true },
  { type: 'object', value: {} },
  { type: 'array', value: [] },
  { type: 'null', value: null },
];
