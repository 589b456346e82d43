/**
 * Ordered middleware: each `onRequest` runs in list order before the call, each `onResponse`
 * in list order after a successful response arrives, each `onError` in list order on failure.
 */
import type { OpenAIError } from '../errors/errors.js';

/** The request as middleware sees it, before credentials are added. Headers and URL may be changed. */
export interface MiddlewareRequest {
  method: string;
  url: URL;
  /** Without `Authorization`, which is added per attempt after middleware ran. */
  headers: Headers;
  /** The JSON body as an object, or `undefined` (multipart bodies are not shown). */
  readonly body: unknown;
  /** The endpoint template, e.g. `/files/{file_id}`. */
  readonly endpoint: string;
}

/** The response head as middleware sees it; the body is left to the parser. */
export interface MiddlewareResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly attempts: number;
  readonly durationMs: number;
}

/**
 * A small hook into every call.
 *
 * @example
 * const tagTenant: Middleware = {
 *   onRequest: (request) => { request.headers.set('x-tenant', tenantId); },
 *   onError: (error) => { alerts.notify(error.errorCode); },
 * };
 */
export interface Middleware {
  name?: string;
  onRequest?(request: MiddlewareRequest): void | Promise<void>;
  onResponse?(response: MiddlewareResponse, request: MiddlewareRequest): void | Promise<void>;
  onError?(error: OpenAIError, request: MiddlewareRequest): void | Promise<void>;
}
