/**
 * The official OpenAPI document, parsed once, with `$ref` resolution. Only the JSON Schema
 * keywords the checks read are typed; everything else is carried through untouched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A schema object of the spec (OpenAPI 3.1, plus the 3.0 `nullable` the document still uses). */
export interface SpecSchema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SpecSchema>;
  required?: string[];
  additionalProperties?: boolean | SpecSchema;
  items?: SpecSchema;
  allOf?: SpecSchema[];
  anyOf?: SpecSchema[];
  oneOf?: SpecSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  example?: unknown;
  title?: string;
  description?: string;
  default?: unknown;
  discriminator?: { propertyName: string };
}

/** One operation of `paths`, as the spec writes it. */
export interface SpecOperation {
  operationId?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: SpecSchema } | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: SpecSchema; example?: unknown; examples?: Record<string, { value?: unknown }> }> };
  'x-oaiMeta'?: { examples?: unknown };
}

/** The parsed document and its lookups. */
export interface SpecDocument {
  readonly paths: Record<string, Record<string, SpecOperation>>;
  /** Follows `$ref` chains; siblings of a `$ref` (say `nullable`) are kept over the target. */
  resolve(schema: SpecSchema): SpecSchema;
  /** The last segment of a schema's `$ref`, e.g. `CreateEmbeddingRequest`. */
  refName(schema: SpecSchema): string | undefined;
  /** A named component schema. */
  component(name: string): SpecSchema | undefined;
  /** The same document with some component schemas replaced (the generator's overlays). */
  withComponents(replacements: Readonly<Record<string, SpecSchema>>): SpecDocument;
}

/** Where the spec lives: next to the repository, in `../shared/openapi/` (CI checks it out there too). */
export function defaultSpecPath(repoRoot: string): string {
  return join(repoRoot, '..', 'shared', 'openapi', 'openapi.yaml');
}

/** Reads and parses the spec (about 3 MB; half a second), once per run. */
export function loadSpec(file: string): SpecDocument {
  // The document has no YAML aliases, but 288 operations of text: lift yaml's alias guard anyway.
  const document = parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as {
    paths: Record<string, Record<string, SpecOperation>>;
    components: { schemas: Record<string, SpecSchema> };
  };
  return createSpecDocument(document);
}

/** Wraps an already parsed document (tests hand in small ones). */
export function createSpecDocument(document: { paths: Record<string, Record<string, SpecOperation>>; components?: { schemas?: Record<string, SpecSchema> } }): SpecDocument {
  const schemas = document.components?.schemas ?? {};
  const component = (name: string) => schemas[name];
  const refName = (schema: SpecSchema) => schema.$ref?.split('/').pop();
  function resolve(schema: SpecSchema): SpecSchema {
    let current = schema;
    for (let hops = 0; current.$ref !== undefined && hops < 32; hops++) {
      const name = refName(current)!;
      const target = component(name);
      if (target === undefined) throw new Error(`unresolvable $ref ${current.$ref}`);
      const { $ref: _ref, description: _description, ...siblings } = current;
      current = { ...target, ...siblings };
    }
    return current;
  }
  const withComponents = (replacements: Readonly<Record<string, SpecSchema>>) =>
    createSpecDocument({ paths: document.paths, components: { schemas: { ...schemas, ...replacements } } });
  return { paths: document.paths, resolve, refName, component, withComponents };
}
