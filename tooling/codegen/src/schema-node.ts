/**
 * The generator's intermediate form of a request schema: what both printers (zod/mini and
 * TypeScript) need, with the spec's indirections gone (`allOf` merged, open enums recognised,
 * `nullable` made explicit). Named component schemas stay references, so they print once.
 */

/** One property of an object. */
export interface PropertyNode {
  name: string;
  node: SchemaNode;
  required: boolean;
  /** The first sentence of the spec's description, for TSDoc. */
  summary?: string;
  deprecated?: boolean;
}

/** A schema, reduced to what the printers emit. */
export type SchemaNode =
  | { kind: 'ref'; name: string }
  | { kind: 'string'; values?: string[]; open?: boolean; minLength?: number; maxLength?: number; pattern?: string }
  | { kind: 'number'; integer: boolean; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number }
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'unknown' }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'array'; items: SchemaNode; minItems?: number; maxItems?: number }
  | { kind: 'object'; properties: PropertyNode[] }
  | { kind: 'record'; values: SchemaNode }
  | { kind: 'union'; options: SchemaNode[]; discriminator?: string }
  | { kind: 'nullable'; inner: SchemaNode };
