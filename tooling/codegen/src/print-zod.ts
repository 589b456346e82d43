/**
 * Prints a `SchemaNode` as a zod/mini expression. Objects are `looseObject` (unknown fields pass
 * through, as the API may add them); open enums are plain strings at run time.
 */
import { literal, propertyKey, schemaConstName } from './names.js';
import type { SchemaNode } from './schema-node.js';

function withChecks(base: string, checks: Array<string | undefined>): string {
  const present = checks.filter((check): check is string => check !== undefined);
  return present.length === 0 ? base : `${base}.check(${present.join(', ')})`;
}

const when = <T>(value: T | undefined, print: (value: T) => string) => (value === undefined ? undefined : print(value));

/** The zod/mini expression for `node`, indented for nesting at `indent`. */
export function printZod(node: SchemaNode, indent = ''): string {
  const inner = `${indent}  `;
  switch (node.kind) {
    case 'ref': return `${schemaConstName(node.name)}()`;
    case 'string': {
      const base = node.values && !node.open ? `z.enum([${node.values.map(literal).join(', ')}])` : 'z.string()';
      return withChecks(base, [
        when(node.minLength, (value) => `z.minLength(${value})`),
        when(node.maxLength, (value) => `z.maxLength(${value})`),
        when(node.pattern, (value) => `z.regex(new RegExp(${literal(value)}))`),
      ]);
    }
    case 'number': return withChecks(node.integer ? 'z.int()' : 'z.number()', [
      when(node.minimum, (value) => `z.gte(${value})`),
      when(node.maximum, (value) => `z.lte(${value})`),
      when(node.exclusiveMinimum, (value) => `z.gt(${value})`),
      when(node.exclusiveMaximum, (value) => `z.lt(${value})`),
    ]);
    case 'boolean': return 'z.boolean()';
    case 'null': return 'z.null()';
    case 'unknown': return 'z.unknown()';
    case 'literal': return `z.literal(${literal(node.value)})`;
    case 'array': return withChecks(`z.array(${printZod(node.items, indent)})`, [
      when(node.minItems, (value) => `z.minLength(${value})`),
      when(node.maxItems, (value) => `z.maxLength(${value})`),
    ]);
    case 'record': return `z.record(z.string(), ${printZod(node.values, indent)})`;
    case 'nullable': return `z.nullable(${printZod(node.inner, indent)})`;
    case 'union': {
      const options = node.options.map((option) => `${inner}${printZod(option, inner)},`).join('\n');
      return node.discriminator ? `z.discriminatedUnion(${literal(node.discriminator)}, [\n${options}\n${indent}])` : `z.union([\n${options}\n${indent}])`;
    }
    case 'object': {
      const fields = node.properties.map((property) => {
        const value = printZod(property.node, inner);
        return `${inner}${propertyKey(property.name)}: ${property.required ? value : `z.optional(${value})`},`;
      });
      return `z.looseObject({\n${fields.join('\n')}\n${indent}})`;
    }
  }
}
