/** Builds request paths with every interpolated value URL-encoded and checked non-empty. */
import { RequestError } from './errors.js';

/**
 * A template tag: each value is encoded with `encodeURIComponent`; an empty or non-string id
 * throws a validation error before anything is sent.
 *
 * @example
 * core.get(path`/files/${fileId}`); // "/files/file-abc", "/files/a%2Fb"
 */
export function path(strings: TemplateStringsArray, ...values: unknown[]): string {
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '') {
      throw new RequestError({
        kind: 'validation',
        message: `Path parameter ${index + 1} of "${strings.join('{}')}" must be a non-empty string, got ${JSON.stringify(value) ?? String(value)}`,
        issues: [{ path: `path[${index}]`, message: 'must be a non-empty string' }],
      });
    }
    result += encodeURIComponent(String(value)) + (strings[index + 1] ?? '');
  });
  return result;
}
