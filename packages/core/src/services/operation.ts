/**
 * The operation registry: each domain package lists the API operations it implements, named
 * as the official spec names them. The spec check (`tooling/spec-check`) and the registry-driven
 * tests read these lists, so an operation cannot be added without being checked.
 */
import type { HttpMethod } from '../transport/request-spec.js';
import type { DeferredSchema, ParamsSchema } from './validation.js';

/** What a registry-driven test hands an operation's `invoke`. */
export interface OperationInput {
  /** One value per `{name}` in the path template. */
  pathParams: Record<string, string>;
  /** The request body (JSON or multipart fields), when the operation takes one. */
  body?: unknown;
}

/** One API operation, as the official spec names it. */
export interface Operation<Service = unknown> {
  /** The spec's `operationId`, e.g. `retrieveModel`. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** The spec's path template, e.g. `/models/{model}`. */
  readonly path: string;
  /** How the request body is sent, when there is one. */
  readonly requestBody?: 'json' | 'multipart';
  /**
   * The schema the service validates the request body with. Call it and await the result: it
   * loads the package's schema module (and zod) on first use.
   */
  readonly requestSchema?: DeferredSchema<ParamsSchema<unknown>>;
  /** Calls the operation through the service's public method (for registry-driven tests). */
  invoke(service: Service, input: OperationInput): unknown;
}

/**
 * Declares a package's operations, keyed by `operationId` (checked at compile time).
 *
 * @example
 * export const modelsOperations = defineOperations<ModelsService>()({
 *   retrieveModel: { operationId: 'retrieveModel', method: 'GET', path: '/models/{model}',
 *     invoke: (models, { pathParams }) => models.retrieve(pathParams.model!) },
 * });
 */
export function defineOperations<Service>() {
  return <T extends { [K in keyof T]: Operation<Service> & { operationId: K } }>(operations: T): T => Object.freeze(operations);
}

/** The `{name}` parameters of a path template, in order. */
export function pathParamNames(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}
