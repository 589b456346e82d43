/**
 * Walks a request body schema and produces, for every constraint it declares (top level and
 * nested: message variants, content parts, tool shapes), one body that breaks just that
 * constraint. Each body is the minimal valid body with one value changed, and is kept only
 * when the spec itself refuses it, so open enums and overlapping unions produce no probe.
 */
import { minimalValue } from './minimal-value.js';
import { outsideValues, WRONG_TYPE_VALUES } from './outside-values.js';
import { leavesOf, type Leaf } from './schema-leaves.js';
import type { SpecDocument, SpecSchema } from './spec-document.js';
import { specAccepts } from './spec-validator.js';

/** A body that breaks one constraint at `field` (e.g. `messages[role=user].content[type=image_url].image_url.detail`). */
export interface Probe {
  field: string;
  constraint: string;
  body: unknown;
}

/** A body with a valid value at `field`: our schema must accept it, or it is over-strict there. */
export interface Control {
  field: string;
  body: unknown;
}

/** What the walk found. */
export interface ProbeSet {
  minimalBody: unknown;
  probes: Probe[];
  controls: Control[];
}

/** Fields set alongside a probed field, for cross-field rules the spec states only in prose. */
export type CoRequirements = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

type Place = (value: unknown) => unknown;
const MAX_FIELD_DEPTH = 8;

const join = (field: string, key: string) => (field === '' ? key : `${field}.${key}`);
// `messages[]` + `[role=user]` reads better as `messages[role=user]`.
const withLabel = (field: string, label: string) => (label.startsWith('[') && field.endsWith('[]') ? field.slice(0, -2) + label : field + label);

function discriminatorLabel(spec: SpecDocument, leaf: Leaf, index: number): string {
  for (const [key, property] of Object.entries(leaf.schema.properties ?? {})) {
    const resolved = spec.resolve(property);
    const only = resolved.enum?.length === 1 ? resolved.enum[0] : resolved.const;
    if (typeof only === 'string' && leaf.schema.required?.includes(key)) return `[${key}=${only}]`;
  }
  return `#${index + 1}`;
}

function typeName(spec: SpecDocument, schema: SpecSchema | undefined): string {
  const leaf = schema ? leavesOf(spec, schema)[0] : undefined;
  if (leaf?.type === 'array') return `${typeName(spec, leaf.schema.items)}[]`;
  return leaf?.type ?? 'any';
}

/** Walks `bodySchema` and returns the minimal body, one probe per constraint and the controls. */
export function probeRequestBody(spec: SpecDocument, bodySchema: SpecSchema, coRequirements: CoRequirements = {}): ProbeSet {
  const probes: Probe[] = [];
  const controls: Control[] = [];
  const seen = new Set<string>();
  const refused = (body: unknown) => !specAccepts(spec, bodySchema, body);
  const addProbe = (field: string, constraint: string, body: unknown) => {
    const key = `${field}\u0000${constraint}\u0000${JSON.stringify(body)}`;
    if (!seen.has(key)) probes.push({ field, constraint, body });
    seen.add(key);
  };

  function probeNode(schema: SpecSchema, field: string, place: Place, trail: ReadonlySet<string>): void {
    const name = spec.refName(schema);
    if (name !== undefined && trail.has(name)) return; // a self-referencing schema: stop at the loop
    const innerTrail = name === undefined ? trail : new Set([...trail, name]);
    const leaves = leavesOf(spec, schema);
    const allowed = new Set(leaves.map((leaf) => leaf.type));
    if (!allowed.has(undefined)) {
      const typeAllowed = (type: string) => allowed.has(type) || (type === 'integer' && allowed.has('number'));
      const wrong = WRONG_TYPE_VALUES.find(({ type, value }) => !typeAllowed(type) && refused(place(value)));
      if (wrong) addProbe(field || '(body)', 'type', place(wrong.value));
      if (allowed.has('integer') && !allowed.has('number') && refused(place(1.5))) addProbe(field, 'integer', place(1.5));
    }
    const sameType = (leaf: Leaf) => leaves.filter((other) => other.type === leaf.type).length;
    const shared = new Map<string, number>();
    const perLeaf = leaves.map((leaf) => {
      const item = () => minimalValue(spec, leaf.schema.items ?? {});
      const found = new Map<string, unknown>();
      for (const { constraint, value } of outsideValues(leaf, item)) {
        if (!found.has(constraint) && refused(place(value))) found.set(constraint, value);
      }
      for (const value of found.values()) shared.set(JSON.stringify(value), (shared.get(JSON.stringify(value)) ?? 0) + 1);
      return found;
    });
    leaves.forEach((leaf, index) => {
      const label = leaf.type === 'array' ? `<${typeName(spec, leaf.schema.items)}[]>` : discriminatorLabel(spec, leaf, index);
      const own = sameType(leaf) > 1 ? withLabel(field, label) : field;
      for (const [constraint, value] of perLeaf[index]!) addProbe(shared.get(JSON.stringify(value))! > 1 ? field : own, constraint, place(value));
      if (field.split(/[.[]/).length > MAX_FIELD_DEPTH) return;
      if (leaf.type === 'object') probeObject(leaf.schema, own, place, innerTrail);
      if (leaf.type === 'array' && leaf.schema.items) {
        const items = leaf.schema.items;
        const rest = Array.from({ length: Math.max((leaf.schema.minItems ?? 1) - 1, 0) }, () => minimalValue(spec, items));
        probeNode(items, `${own}[]`, (value) => place([value, ...rest]), innerTrail);
      }
    });
  }

  function probeObject(schema: SpecSchema, field: string, place: Place, trail: ReadonlySet<string>): void {
    const base = (minimalValue(spec, schema) ?? {}) as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      const { [key]: _omitted, ...without } = base;
      if (refused(place(without))) addProbe(join(field, key), 'required', place(without));
    }
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      const path = join(field, key);
      const siblings = coRequirements[path] ?? {};
      const propertyPlace: Place = (value) => place({ ...base, ...siblings, [key]: value });
      const control = propertyPlace(minimalValue(spec, property));
      if (!refused(control)) controls.push({ field: path, body: control });
      probeNode(property, path, propertyPlace, trail);
    }
    if (typeof schema.additionalProperties === 'object') {
      const values = schema.additionalProperties;
      probeNode(values, `${field}{}`, (value) => place({ ...base, key: value }), trail);
    }
  }

  const minimalBody = minimalValue(spec, bodySchema);
  probeNode(bodySchema, '', (value) => value, new Set());
  return { minimalBody, probes, controls };
}
