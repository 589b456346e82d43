/**
 * Prints a `SchemaNode` as a TypeScript type. Objects are closed (no index signature), so a
 * misspelt field fails to compile; open enums list the known values and still take any string.
 */
import { literal, propertyKey, typeName } from './names.js';
import type { SchemaNode } from './schema-node.js';

const needsParens = (node: SchemaNode) => node.kind === 'union' || node.kind === 'nullable' || (node.kind === 'string' && node.values !== undefined && node.values.length > 1);

/** The members of an object type, one per line, each with its TSDoc summary. */
export function printMembers(node: Extract<SchemaNode, { kind: 'object' }>, indent: string): string {
  return node.properties.map((property) => {
    // `@deprecated` leads, so the summary becomes the deprecation message editors show.
    const tags = [property.deprecated ? '@deprecated' : undefined, property.summary].filter(Boolean).join(' ');
    const doc = tags ? `${indent}/** ${tags} */\n` : '';
    return `${doc}${indent}${propertyKey(property.name)}${property.required ? '' : '?'}: ${printType(property.node, indent)};`;
  }).join('\n');
}

/** The TypeScript type for `node`, indented for nesting at `indent`. */
export function printType(node: SchemaNode, indent = ''): string {
  switch (node.kind) {
    case 'ref': return typeName(node.name);
    case 'string': {
      if (!node.values) return 'string';
      const values = node.values.map(literal);
      return node.open ? [...values, '(string & {})'].join(' | ') : values.join(' | ');
    }
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    case 'unknown': return 'unknown';
    case 'literal': return literal(node.value);
    case 'array': {
      const items = printType(node.items, indent);
      return needsParens(node.items) ? `Array<${items}>` : `${items}[]`;
    }
    case 'record': return `Record<string, ${printType(node.values, indent)}>`;
    case 'nullable': return `${printType(node.inner, indent)} | null`;
    case 'union': return node.options.map((option) => printType(option, indent)).join(' | ');
    case 'object': return `{\n${printMembers(node, `${indent}  `)}\n${indent}}`;
  }
}
