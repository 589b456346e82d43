/**
 * Turns a spec schema into a `SchemaNode`. The rules, each a reading of how the spec is written:
 * - `anyOf: [string, string enum]` is an open enum (a model id, a voice): any string, with the
 *   known values as suggestions in the type.
 * - `allOf` of objects merges their properties; a property both declare takes the later one
 *   (the spec only repeats one to narrow or restate it, e.g. `top_logprobs`).
 * - `nullable: true`, `type: [T, 'null']` and a `{ type: 'null' }` branch all become `nullable`.
 * - A union of objects that each require the same single-valued property is discriminated by it.
 * - `format`, `default`, `example` and `additionalProperties: false` are not enforced: formats
 *   are advisory, defaults are the server's, and unknown fields pass through by design.
 */
import type { SpecDocument, SpecSchema } from '@integrations/spec-check/spec-document';
import type { PropertyNode, SchemaNode } from './schema-node.js';

/** Turns schemas into nodes, collecting the named components they reference. */
export class NodeBuilder {
  /** Component names referenced so far, in first-seen order. */
  readonly referenced: string[] = [];

  constructor(private readonly spec: SpecDocument) {}

  /** The node for `schema`; a `$ref` to a component becomes a reference to it. */
  build(schema: SpecSchema): SchemaNode {
    if (schema.$ref !== undefined) {
      const name = this.spec.refName(schema)!;
      if (!this.referenced.includes(name)) this.referenced.push(name);
      const ref: SchemaNode = { kind: 'ref', name };
      return schema.nullable === true ? nullable(ref) : ref;
    }
    const node = this.buildOwn(schema);
    const opened = (schema as Record<string, unknown>)[OPEN_ENUM] === true ? openUp(node) : node;
    return schema.nullable === true ? nullable(opened) : opened;
  }

  private buildOwn(schema: SpecSchema): SchemaNode {
    if (schema.allOf) return this.build(this.mergeAllOf(schema));
    const branches = schema.anyOf ?? schema.oneOf;
    if (branches) return this.union(branches, schema);
    if (Array.isArray(schema.type)) {
      const types = schema.type.filter((type) => type !== 'null');
      const inner = types.length === 1 ? this.build({ ...schema, type: types[0] }) : { kind: 'union' as const, options: types.map((type) => this.build({ ...schema, type })) };
      return schema.type.includes('null') ? { kind: 'nullable', inner } : inner;
    }
    const values = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
    if (values && values.length === 1 && ['string', 'number', 'boolean'].includes(typeof values[0])) return { kind: 'literal', value: values[0] as string };
    switch (schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined)) {
      case 'string':
        return { kind: 'string', values: values?.filter((value): value is string => typeof value === 'string'), minLength: schema.minLength, maxLength: schema.maxLength, pattern: schema.pattern };
      case 'integer':
      case 'number':
        return {
          kind: 'number', integer: schema.type === 'integer', minimum: schema.minimum, maximum: schema.maximum,
          exclusiveMinimum: typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : schema.exclusiveMinimum === true ? schema.minimum : undefined,
          exclusiveMaximum: typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : schema.exclusiveMaximum === true ? schema.maximum : undefined,
        };
      case 'boolean': return { kind: 'boolean' };
      case 'null': return { kind: 'null' };
      case 'array': return { kind: 'array', items: schema.items ? this.build(schema.items) : { kind: 'unknown' }, minItems: schema.minItems, maxItems: schema.maxItems };
      case 'object': return this.object(schema);
      default: return { kind: 'unknown' };
    }
  }

  private object(schema: SpecSchema): SchemaNode {
    const entries = Object.entries(schema.properties ?? {});
    if (entries.length === 0) {
      const values = typeof schema.additionalProperties === 'object' ? this.build(schema.additionalProperties) : { kind: 'unknown' as const };
      return { kind: 'record', values };
    }
    const properties: PropertyNode[] = entries.map(([name, property]) => ({
      name,
      node: this.build(property),
      required: schema.required?.includes(name) ?? false,
      summary: firstSentence(property.description ?? this.spec.resolve(property).description),
      deprecated: (property as { deprecated?: boolean }).deprecated === true || undefined,
    }));
    return { kind: 'object', properties };
  }

  private mergeAllOf(schema: SpecSchema): SpecSchema {
    const { allOf, ...own } = schema;
    const merged: SpecSchema = { ...own, type: 'object', properties: { ...own.properties }, required: [...(own.required ?? [])] };
    for (const part of allOf!) {
      const resolved = this.spec.resolve(part);
      const flat = resolved.allOf ? this.mergeAllOf(resolved) : resolved;
      Object.assign(merged.properties!, flat.properties);
      merged.required!.push(...(flat.required ?? []).filter((key) => !merged.required!.includes(key)));
    }
    return merged;
  }

  private union(branches: SpecSchema[], wrapper: SpecSchema): SchemaNode {
    const hasNullBranch = branches.some((branch) => this.spec.resolve(branch).type === 'null');
    const rest = branches.filter((branch) => this.spec.resolve(branch).type !== 'null');
    const open = this.openEnum(rest);
    // String rules written next to the anyOf (or laid over it) apply to the open enum as a whole.
    const { minLength, maxLength, pattern } = wrapper;
    const options = rest.map((branch) => this.build(branch));
    // A nullable branch makes the whole union nullable (once), as `string | string[] | null`.
    const anyNullable = hasNullBranch || options.some((option) => option.kind === 'nullable');
    const inner = options.map((option) => (option.kind === 'nullable' ? option.inner : option));
    const node = (open && { ...open, minLength, maxLength, pattern }) ?? (inner.length === 1 ? inner[0]! : { kind: 'union' as const, options: inner, discriminator: this.discriminatorOf(rest) });
    return anyNullable ? nullable(node) : node;
  }

  /** `[string, string enum, ...]`: any string, the enum's values as suggestions. */
  private openEnum(branches: SpecSchema[]): SchemaNode | undefined {
    const resolved = branches.map((branch) => this.spec.resolve(branch));
    const plain = resolved.filter((branch) => branch.type === 'string' && branch.enum === undefined && !branch.anyOf && !branch.oneOf);
    const enums = resolved.filter((branch) => branch.type === 'string' && branch.enum !== undefined);
    const nested = resolved.filter((branch) => branch.anyOf || branch.oneOf).map((branch) => this.openEnum(branch.anyOf ?? branch.oneOf!));
    if (plain.length + enums.length + nested.length !== resolved.length || nested.some((node) => node === undefined)) return undefined;
    if (plain.length === 0 && nested.length === 0) return undefined;
    const values = [...enums.flatMap((branch) => branch.enum as string[]), ...nested.flatMap((node) => (node as { values?: string[] }).values ?? [])];
    if (values.length === 0) return undefined;
    return { kind: 'string', values: [...new Set(values)], open: true };
  }

  private discriminatorOf(branches: SpecSchema[]): string | undefined {
    const objects = branches.map((branch) => this.spec.resolve(branch));
    if (objects.some((object) => !object.properties)) return undefined;
    const candidates = Object.keys(objects[0]!.properties!);
    return candidates.find((key) => objects.every((object) => {
      const property = object.properties![key];
      const resolved = property ? this.spec.resolve(property) : undefined;
      return object.required?.includes(key) && (resolved?.enum?.length === 1 || resolved?.const !== undefined);
    }));
  }
}

/** The key an overlay sets to read a closed string enum as open (see codegen-config.ts). */
export const OPEN_ENUM = 'x-codegen-open-enum';

const nullable = (node: SchemaNode): SchemaNode => (node.kind === 'nullable' ? node : { kind: 'nullable', inner: node });

function openUp(node: SchemaNode): SchemaNode {
  if (node.kind === 'nullable') return { kind: 'nullable', inner: openUp(node.inner) };
  if (node.kind === 'string' && node.values) return { ...node, open: true };
  if (node.kind === 'literal' && typeof node.value === 'string') return { kind: 'string', values: [node.value], open: true };
  return node;
}

/** The first sentence of a description ("e.g." does not end one), on one line, safe inside a comment. */
export function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const line = text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
  const end = [...line.matchAll(/\.(?=\s|$)/g)].find((match) => !/\b(?:e\.g|i\.e|etc|vs)$/i.test(line.slice(0, match.index)));
  return (end === undefined ? line : line.slice(0, end.index + 1)).replace(/\*\//g, '* /');
}
