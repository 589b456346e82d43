/**
 * Request validation before any byte is sent. Any schema with `safeParse` works (zod 4 classic
 * or zod/mini, which domain packages use to stay small), so core itself carries no zod code.
 * Schemas are built lazily, on first use, so importing a package does no work.
 */
import { deepestIssue, describeIssue, type SchemaIssue } from './describe-issue.js';
import { RequestError, type ValidationIssue } from '../errors/errors.js';

/** What validation needs of a schema: zod's `safeParse` result shape. */
export interface ParamsSchema<T = unknown> {
  safeParse(value: unknown, context?: { reportInput?: boolean }):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<SchemaIssue> } };
}

/** A schema built on first use. */
export interface LazySchema<T extends ParamsSchema<unknown>> {
  (): T;
}

/**
 * Wraps a schema factory so the schema is built once, when first needed.
 *
 * @example
 * const paramsSchema = lazySchema(() => z.looseObject({ model: z.string() }));
 */
export function lazySchema<T extends ParamsSchema<unknown>>(build: () => T): LazySchema<T> {
  let schema: T | undefined;
  return () => (schema ??= build());
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`), '');
}

/**
 * Checks `value` against `schema`; throws a `RequestError` of kind `validation` listing every
 * issue with its path. Returns `value` itself, unchanged, so unknown fields are sent as given.
 */
export function validateParams<T>(schema: ParamsSchema<T> | LazySchema<ParamsSchema<T>>, value: unknown, what = 'params'): T {
  const resolved = typeof schema === 'function' ? (schema as LazySchema<ParamsSchema<T>>)() : schema;
  // reportInput lets an issue say "is required" (undefined) rather than "wrong type".
  const result = resolved.safeParse(value, { reportInput: true });
  if (result.success) return value as T;
  const issues: ValidationIssue[] = result.error.issues.map((raw) => {
    const issue = deepestIssue(raw);
    return { path: formatPath(issue.path) || what, message: describeIssue(issue) };
  });
  const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new RequestError({ kind: 'validation', message: `Invalid ${what}: ${listed}`, issues });
}
