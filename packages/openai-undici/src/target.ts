/**
 * A request URL as undici's `origin` and `path`. Core sends the same few URLs over and over
 * (one per endpoint), and a WHATWG `URL` parse per request is measurable next to undici's own
 * per-request cost, so each URL is parsed once and its parts kept in a small cache.
 */

/** Where undici sends a request. */
export interface Target {
  origin: string;
  path: string;
}

/** Enough for every endpoint of a client; a URL with a changing query (a list cursor) just cycles through. */
const MAX_CACHED = 256;
const cache = new Map<string, Target>();

/**
 * The origin and the path with its query (never the fragment) of `url`, as `new URL` reads them.
 *
 * @example
 * const { origin, path } = target('https://api.openai.com/v1/models?limit=2');
 * // origin 'https://api.openai.com', path '/v1/models?limit=2'
 */
export function target(url: string): Target {
  let found = cache.get(url);
  if (found === undefined) {
    const parsed = new URL(url);
    found = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(url, found);
  }
  return found;
}
