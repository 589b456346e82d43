/**
 * Request validation with zod, before any byte is sent. Schemas are built lazily, on first
 * use, so importing a package does no work (`sideEffects: false` holds).
 */
import type { z } from 'zod';
import { RequestError, type ValidationIssue } from './errors.js';

/** A schema built on first use. */
export interface LazySchema<T extends z.ZodType> {
  (): T;
}

/**
 * Wraps a schema factory so the schema is built once, when first needed.
 *
 * @example
 * const paramsSchema = lazySchema(() => z.looseObject({ model: z.string() }));
 */
export function lazySchema<T extends z.ZodType>(build: () => T): LazySchema<T> {
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
export function validateParams<T>(schema: z.ZodType<T> | LazySchema<z.ZodType<T>>, value: unknown, what = 'params'): T {
  const resolved = typeof schema === 'function' ? (schema as LazySchema<z.ZodType<T>>)() : schema;
  const result = resolved.safeParse(value);
  if (result.success) return value as T;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({ path: formatPath(issue.path) || what, message: issue.message }));
  const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new RequestError({ kind: 'validation', message: `Invalid ${what}: ${listed}`, issues });
}
