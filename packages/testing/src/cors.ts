/**
 * CORS for the mock, so a page on another origin (a browser test on a second loopback port, a
 * dev server) can call it like the real API, which answers browsers too. It lives in the engine,
 * in front of auth, so the loopback server and the msw handlers answer alike: a preflight never
 * carries `Authorization`, and refusing it with a 401 blocks every cross-origin call.
 */

/**
 * Response headers a page may read: the ones the client turns into request ids, rate-limit info
 * and retry hints. Without this list a browser hides all but a few safelisted headers.
 */
export const EXPOSED_HEADERS = [
  'x-request-id', 'openai-processing-ms', 'openai-version', 'openai-organization', 'openai-project',
  'retry-after', 'retry-after-ms', 'x-should-retry',
  'x-ratelimit-limit-requests', 'x-ratelimit-limit-tokens', 'x-ratelimit-remaining-requests',
  'x-ratelimit-remaining-tokens', 'x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens',
  'content-type',
] as const;

const ALLOWED_METHODS = 'GET, POST, DELETE, OPTIONS';
/** Seconds a browser may cache a preflight answer (Chromium caps it at 7200). */
const PREFLIGHT_MAX_AGE = '600';

/** A CORS preflight: `OPTIONS` with `Access-Control-Request-Method`. */
export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
}

/** The origin to allow: the caller's (a page's origin, or `null` from a file), else any. */
function allowOrigin(request: Request): Record<string, string> {
  const origin = request.headers.get('origin');
  // Echoing the origin varies the answer by it; caches must know.
  return origin === null ? { 'access-control-allow-origin': '*' } : { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/** Answers a preflight: 204, allowing the requested method and headers (`*` would not cover `Authorization`). */
export function preflightResponse(request: Request): Response {
  const headers: Record<string, string> = {
    ...allowOrigin(request),
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-max-age': PREFLIGHT_MAX_AGE,
  };
  const requested = request.headers.get('access-control-request-headers');
  if (requested) headers['access-control-allow-headers'] = requested;
  // Chromium asks before a public page reaches a loopback address (Private Network Access).
  if (request.headers.get('access-control-request-private-network') === 'true') headers['access-control-allow-private-network'] = 'true';
  return new Response(null, { status: 204, headers });
}

/** Adds the allow-origin and expose headers to `response`, in place. A network error has none. */
export function addCorsHeaders(response: Response, request: Request): Response {
  if (response.type === 'error') return response; // its headers are immutable; it becomes a reset anyway
  for (const [name, value] of Object.entries(allowOrigin(request))) response.headers.set(name, value);
  response.headers.set('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
  return response;
}

/**
 * Wraps a handler: preflights are answered before it runs (not recorded, no faults, no auth),
 * every other answer gets the CORS headers.
 */
export function withCors(handle: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => (isPreflight(request) ? preflightResponse(request) : addCorsHeaders(await handle(request), request));
}
