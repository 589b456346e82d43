/**
 * Multipart operations (file uploads). The spec types a file field `type: string, format:
 * binary`, so the probes put a string there; the service takes a file. `withFiles` hands the
 * service each such string as a File holding it, and `readMultipart` reads a captured multipart
 * body back into fields (a file as its text), so every check compares values as the spec sees them.
 */
import { leavesOf } from './schema-leaves.js';
import type { SpecDocument, SpecSchema } from './spec-document.js';

const isBinary = (schema: SpecSchema) => (schema as { format?: unknown }).format === 'binary';

/** The top-level fields of a body schema that hold files (`format: binary`, alone or in a list). */
export function binaryFields(spec: SpecDocument, bodySchema: SpecSchema): Set<string> {
  const fields = new Set<string>();
  for (const leaf of leavesOf(spec, bodySchema)) {
    for (const [name, property] of Object.entries(leaf.schema.properties ?? {})) {
      for (const option of leavesOf(spec, property)) {
        const listed = option.type === 'array' && option.schema.items !== undefined && leavesOf(spec, option.schema.items).some((item) => isBinary(item.schema));
        if (isBinary(option.schema) || listed) fields.add(name);
      }
    }
  }
  return fields;
}

const asFile = (value: unknown, name: string) => (typeof value === 'string' ? new File([value], `${name}.bin`, { type: 'application/octet-stream' }) : value);

/** `body` with the string in each file field (or in each item of a list of files) turned into a File. */
export function withFiles(body: unknown, fields: ReadonlySet<string>): unknown {
  if (fields.size === 0 || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const converted: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const name of fields) {
    const value = converted[name];
    converted[name] = Array.isArray(value) ? value.map((item) => asFile(item, name)) : asFile(value, name);
  }
  return converted;
}

/**
 * Reads a multipart body into its fields: text as is, a file as its text, a repeated `name[]`
 * as a list. Returns undefined when the body is not multipart.
 */
export async function readMultipart(body: unknown, contentType: string | null): Promise<Record<string, unknown> | undefined> {
  if (body === null || body === undefined || !contentType?.startsWith('multipart/form-data')) return undefined;
  const form = await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData();
  const fields: Record<string, unknown> = {};
  for (const [key, value] of form) {
    const text = typeof value === 'string' ? value : await value.text();
    if (key.endsWith('[]')) ((fields[key.slice(0, -2)] ??= []) as unknown[]).push(text);
    else fields[key] = text;
  }
  return fields;
}
