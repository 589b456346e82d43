/**
 * A schema as its alternatives ("leaves"): `$ref`s resolved, `anyOf`/`oneOf` spread out,
 * `allOf` intersected, `nullable` turned into its own `null` leaf. Every leaf has one type
 * (or none, meaning any), so the prober can ask "which types are allowed here?" and descend
 * into each object or array shape on its own.
 */
import type { SpecDocument, SpecSchema } from './spec-document.js';

/** One alternative of a schema, with no `anyOf`/`oneOf`/`allOf`/`$ref` left at its top. */
export interface Leaf {
  schema: SpecSchema;
  /** The single JSON type, or undefined when the spec leaves it open. */
  type: string | undefined;
}

function inferType(schema: SpecSchema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (schema.properties || typeof schema.additionalProperties === 'object') return 'object';
  if (schema.items) return 'array';
  const first = schema.enum?.[0] ?? schema.const;
  if (typeof first === 'string') return 'string';
  return undefined;
}

function intersectTypes(a: string | undefined, b: string | undefined): string | undefined | null {
  if (a === undefined) return b;
  if (b === undefined || a === b) return a;
  if ((a === 'integer' && b === 'number') || (a === 'number' && b === 'integer')) return 'integer';
  return null; // disjoint: this combination of allOf branches accepts nothing
}

const tighterMin = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
const tighterMax = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

/** The intersection of two leaves (one `allOf` branch each), or undefined when it is empty. */
function intersect(a: Leaf, b: Leaf): Leaf | undefined {
  const type = intersectTypes(a.type, b.type);
  if (type === null) return undefined;
  const merged: SpecSchema = { ...a.schema, ...b.schema };
  const properties: Record<string, SpecSchema> = { ...a.schema.properties };
  for (const [key, property] of Object.entries(b.schema.properties ?? {})) {
    properties[key] = properties[key] ? { allOf: [properties[key]!, property] } : property;
  }
  if (a.schema.properties || b.schema.properties) merged.properties = properties;
  const required = [...new Set([...(a.schema.required ?? []), ...(b.schema.required ?? [])])];
  if (required.length > 0) merged.required = required;
  if (a.schema.items && b.schema.items) merged.items = { allOf: [a.schema.items, b.schema.items] };
  if (a.schema.enum && b.schema.enum) merged.enum = a.schema.enum.filter((value) => b.schema.enum!.includes(value));
  for (const key of ['minimum', 'minLength', 'minItems'] as const) merged[key] = tighterMin(a.schema[key], b.schema[key]);
  for (const key of ['maximum', 'maxLength', 'maxItems'] as const) merged[key] = tighterMax(a.schema[key], b.schema[key]);
  if (type !== undefined) merged.type = type;
  return { schema: merged, type };
}

/** The alternatives of `schema`, in the spec's order (a `null` leaf last). */
export function leavesOf(spec: SpecDocument, schema: SpecSchema, depth = 0): Leaf[] {
  if (depth > 32) return [{ schema, type: undefined }];
  const resolved = spec.resolve(schema);
  const { anyOf, oneOf, allOf, nullable, ...own } = resolved;
  let leaves: Leaf[] = [{ schema: own, type: inferType(own) }];
  if (Array.isArray(own.type)) leaves = own.type.map((type) => ({ schema: { ...own, type }, type }));
  for (const part of allOf ?? []) {
    const partLeaves = leavesOf(spec, part, depth + 1);
    leaves = leaves.flatMap((leaf) => partLeaves.map((partLeaf) => intersect(leaf, partLeaf)).filter((each): each is Leaf => each !== undefined));
  }
  const branches = anyOf ?? oneOf;
  if (branches) {
    const branchLeaves = branches.flatMap((branch) => leavesOf(spec, branch, depth + 1));
    leaves = leaves.flatMap((leaf) => branchLeaves.map((branchLeaf) => intersect(leaf, branchLeaf)).filter((each): each is Leaf => each !== undefined));
  }
  if (nullable === true && !leaves.some((leaf) => leaf.type === 'null')) leaves.push({ schema: { type: 'null' }, type: 'null' });
  // Nulls last, so "the first leaf" is the useful one when building a minimal value.
  return [...leaves.filter((leaf) => leaf.type !== 'null'), ...leaves.filter((leaf) => leaf.type === 'null')];
}
