/** Joins the base URL, the path and the query. Arrays become `name[]=a&name[]=b`, as the API expects. */
import type { QueryValue } from './request-spec.js';

/** The full request URL. `undefined` and `null` query values are left out. */
export function buildUrl(baseUrl: string, path: string, ...queries: Array<Record<string, QueryValue> | undefined>): URL {
  const url = new URL(baseUrl + (path.startsWith('/') ? path : `/${path}`));
  for (const query of queries) {
    if (!query) continue;
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        for (const item of value) url.searchParams.append(name.endsWith('[]') ? name : `${name}[]`, String(item));
      } else {
        url.searchParams.set(name, String(value));
      }
    }
  }
  return url;
}
