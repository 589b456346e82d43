/**
 * Turns an HTTP error response (or an API error object inside an SSE stream) into the typed
 * error of DESIGN §4. This is the one place the status mapping lives.
 */
import type { ApiKey } from '../config/api-key.js';
import { createError, type ErrorCategory, type OpenAIError } from './errors.js';
import { redactHeaders } from '../config/headers.js';
import { parseRetryAfter } from '../transport/response-meta.js';
import { isObject } from '../config/is-object.js';

/** The `error` object of an OpenAI error body. */
export interface ApiErrorObject {
  message?: string;
  type?: string;
  code?: string | number | null;
  param?: string | null;
}

interface StatusRule {
  category: ErrorCategory;
  kind: string;
  retryable: boolean;
}

/** A rule, written short: the tables below are part of every bundle's first load. */
function errorRule(category: ErrorCategory, kind: string, retryable = false): StatusRule {
  return { category, kind, retryable };
}

const STATUS_RULES: Record<number, StatusRule> = {
  400: errorRule('request', 'validation'),
  401: errorRule('authentication', 'invalid_api_key'),
  403: errorRule('authentication', 'permission_denied'),
  404: errorRule('resource', 'not_found'),
  408: errorRule('network', 'timeout', true),
  409: errorRule('resource', 'already_exists'),
  413: errorRule('request', 'payload_too_large'),
  422: errorRule('request', 'validation'),
  429: errorRule('rate_limit', 'too_many_requests', true),
  500: errorRule('server', 'internal_error', true),
  502: errorRule('server', 'bad_gateway', true),
  503: errorRule('server', 'service_unavailable', true),
  504: errorRule('server', 'gateway_timeout', true),
};

const CONTENT_POLICY_CODES = new Set(['content_policy_violation', 'content_filter', 'moderation_blocked']);
const QUOTA_CODES = new Set(['insufficient_quota', 'billing_hard_limit_reached']);

/** The API's error code as a string (some endpoints send a number), or `undefined`. */
function serverCodeOf(apiError: ApiErrorObject | undefined): string | undefined {
  return apiError?.code === null || apiError?.code === undefined ? undefined : String(apiError.code);
}

function ruleFor(status: number, apiError: ApiErrorObject | undefined): StatusRule {
  const code = serverCodeOf(apiError);
  // The API names these in `code` on some endpoints and in `type` on others.
  const named = (codes: Set<string>) => codes.has(code ?? '') || codes.has(apiError?.type ?? '');
  if (status === 429 && named(QUOTA_CODES)) {
    return errorRule('rate_limit', 'quota_exceeded');
  }
  if (status === 400 && named(CONTENT_POLICY_CODES)) {
    return errorRule('content_policy', 'content_filtered');
  }
  const exact = STATUS_RULES[status];
  if (exact) return exact;
  if (status >= 500) return errorRule('server', 'server_error');
  return errorRule('request', 'bad_request');
}

/** Reads `{ "error": { ... } }` (or a bare `{ message }`) out of a body; undefined if neither. */
export function parseApiErrorBody(text: string): ApiErrorObject | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed)) return undefined;
    const inner = (parsed as { error?: unknown }).error;
    if (isObject(inner)) return inner as ApiErrorObject;
    if (typeof inner === 'string') return { message: inner };
    const message = (parsed as { message?: unknown }).message;
    return typeof message === 'string' ? { message } : undefined;
  } catch {
    return undefined;
  }
}

/** The error object with the key redacted from every text field. */
function redactFields(apiError: ApiErrorObject, apiKey: ApiKey): ApiErrorObject {
  const clean: Record<string, unknown> = { ...apiError };
  for (const field of ['message', 'type', 'param', 'code'] as const) {
    const value = clean[field];
    if (typeof value === 'string') clean[field] = apiKey.redactIn(value);
  }
  return clean as ApiErrorObject;
}

function describeBody(text: string, contentType: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'the response body was empty';
  if (contentType.includes('text/html') || /^<(!doctype|html)/i.test(trimmed)) {
    return 'the server returned an HTML page instead of JSON (often a proxy or load balancer error page)';
  }
  return `the response body was not an API error object: ${JSON.stringify(trimmed.slice(0, 200))}`;
}

/**
 * Builds the typed error for a non-2xx response whose body was read as `text`.
 *
 * @example
 * throw classifyErrorResponse({ status: 429, headers, text, apiKey });
 */
export function classifyErrorResponse(input: {
  status: number;
  headers: Headers;
  text: string;
  apiKey: ApiKey;
  attempts?: number;
  durationMs?: number;
}): OpenAIError {
  // Redact before anything is cut or picked out: a key echoed across a 200-character cut would
  // otherwise leave its prefix behind, and one echoed in `code` or `param` would go untouched.
  const text = input.apiKey.redactIn(input.text);
  const apiError = parseApiErrorBody(text);
  const rule = ruleFor(input.status, apiError);
  const shouldRetry = input.headers.get('x-should-retry');
  const retryable = shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : rule.retryable;
  const requestId = input.headers.get('x-request-id') ?? undefined;
  const detail = apiError?.message ?? describeBody(text, input.headers.get('content-type') ?? '');
  const serverCode = serverCodeOf(apiError);
  return createError(rule.category, {
    kind: rule.kind,
    message: input.apiKey.redactIn(`${input.status} ${detail}${requestId ? ` (request ${requestId})` : ''}`),
    retryable,
    status: input.status,
    requestId,
    type: apiError?.type ?? undefined,
    param: apiError?.param ?? undefined,
    code: serverCode,
    retryAfterMs: parseRetryAfter(input.headers),
    headers: redactHeaders(input.headers, input.apiKey),
    attempts: input.attempts,
    durationMs: input.durationMs,
  });
}

const STREAM_ERROR_TYPES: Record<string, StatusRule> = {
  server_error: errorRule('server', 'internal_error', true),
  rate_limit_exceeded: errorRule('rate_limit', 'too_many_requests', true),
  tokens: errorRule('rate_limit', 'too_many_requests', true),
  insufficient_quota: errorRule('rate_limit', 'quota_exceeded'),
  invalid_request_error: errorRule('request', 'bad_request'),
  content_policy_violation: errorRule('content_policy', 'content_filtered'),
};

/** Own keys only: the server chooses `code` and `type`, and `constructor` must not find Object's. */
function streamErrorRule(key: string | undefined): StatusRule | undefined {
  return key !== undefined && Object.hasOwn(STREAM_ERROR_TYPES, key) ? STREAM_ERROR_TYPES[key] : undefined;
}

/** Builds the typed error for an API error delivered inside an SSE stream (no HTTP status). */
export function classifyStreamError(rawError: ApiErrorObject, apiKey: ApiKey, requestId?: string): OpenAIError {
  const apiError = redactFields(rawError, apiKey);
  const code = serverCodeOf(apiError);
  const rule = streamErrorRule(code) ?? streamErrorRule(apiError.type ?? undefined) ?? errorRule('server', 'server_error');
  return createError(rule.category, {
    kind: rule.kind,
    message: apiKey.redactIn(`Stream error: ${apiError.message ?? 'the server sent an error event'}`),
    retryable: rule.retryable,
    requestId,
    type: apiError.type ?? undefined,
    param: apiError.param ?? undefined,
    code,
  });
}
