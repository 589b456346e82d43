/**
 * Request validation before any byte is sent. Any schema with `safeParse` works (zod 4 classic
 * or zod/mini, which domain packages use to stay small), so core itself carries no zod code.
 * Schemas are built lazily, on first use, so importing a package does no work; a
 * `deferredSchema` goes further and loads the module that holds it (and zod) on first use.
 */
import { deepestIssue, describeIssue, type SchemaIssue } from './describe-issue.js';
import { ConfigurationError, OpenAIError, RequestError, type ValidationIssue } from '../errors/errors.js';

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
 * A schema that may have to be loaded first: a `lazySchema`, or a loader that resolves to the
 * schema (a dynamic `import()` of the module that holds it). Once loaded it is returned as is.
 */
export interface DeferredSchema<T extends ParamsSchema<unknown>> {
  (): T | PromiseLike<T>;
}

/** A schema in any of the forms validation accepts. */
export type AnySchema<T = unknown> = ParamsSchema<T> | LazySchema<ParamsSchema<T>> | DeferredSchema<ParamsSchema<T>>;

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

/**
 * Wraps a loader, usually a dynamic `import()` of a package's schema module, so the module (and
 * zod with it) is loaded on the first validation rather than when the package is imported.
 * After the first load the schema is returned synchronously; a failed load is retried next time.
 *
 * @example
 * const paramsSchema = deferredSchema(async () => (await import('./schemas.js')).chatCompletionParamsSchema);
 */
export function deferredSchema<T extends ParamsSchema<unknown>>(load: () => PromiseLike<T | LazySchema<T>>): DeferredSchema<T> {
  let schema: T | undefined;
  let loading: Promise<T> | undefined;
  return () => schema ?? (loading ??= Promise.resolve(load()).then(
    (loaded) => (schema = typeof loaded === 'function' ? loaded() : loaded),
    (error: unknown) => {
      loading = undefined;
      throw schemaLoadError(error);
    },
  ));
}

/**
 * A schema module that cannot load, as a typed error: nearly always the peer dependency zod
 * missing (the packages import without it; their schemas need it on the first validated call).
 */
function schemaLoadError(error: unknown): unknown {
  if (OpenAIError.isInstance(error)) return error;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const missing = (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && /['"]zod(?:\/[\w-]+)?['"]/.test(message);
  return new ConfigurationError({
    kind: missing ? 'missing_dependency' : 'schema_unavailable',
    message: missing
      ? 'The request schemas need the peer dependency zod (^4), which is not installed: add it with `npm install zod`.'
      : `The request schemas could not be loaded: ${typeof message === 'string' ? message : String(error)}`,
    cause: error,
  });
}

const isPromiseLike = <T>(value: unknown): value is PromiseLike<T> => typeof (value as PromiseLike<T> | undefined)?.then === 'function';

/**
 * The schema behind any form: synchronously when it can be (an object, a `lazySchema`, a
 * `deferredSchema` already loaded), else a promise of it.
 */
export function resolveSchema<T>(schema: AnySchema<T>): ParamsSchema<T> | Promise<ParamsSchema<T>> {
  if (typeof schema !== 'function') return schema;
  const resolved = schema();
  return isPromiseLike<ParamsSchema<T>>(resolved) ? Promise.resolve(resolved) : resolved;
}

/**
 * Runs `then` after checking `value` against `schema` (any form): synchronously when the schema
 * is at hand, else once it is loaded. Throws, or rejects, like `validateParams`.
 */
export function afterValidation<R>(schema: AnySchema<unknown>, value: unknown, then: () => R, what = 'params'): R | Promise<R> {
  const resolved = resolveSchema(schema);
  if (resolved instanceof Promise) {
    return resolved.then((loaded) => {
      validateParams(loaded, value, what);
      return then();
    });
  }
  validateParams(resolved, value, what);
  return then();
}

/**
 * `validateParams` for a schema in any form, a `deferredSchema` included: resolves to `value`
 * unchanged, or rejects with the `RequestError` of kind `validation`.
 *
 * @example
 * const options = await validateParamsAsync(optionsSchema, given, 'options');
 */
export async function validateParamsAsync<T>(schema: AnySchema<T>, value: unknown, what = 'params'): Promise<T> {
  return validateParams(await resolveSchema(schema), value, what);
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
