/**
 * Builds request paths with every interpolated value URL-encoded and checked. An id that is
 * empty, `.` or `..` (or their percent-encoded spellings) is refused before anything is sent:
 * the URL parser resolves such a segment away, so `DELETE /models/..` would reach `/v1/`.
 */
import { RequestError } from '../errors/errors.js';

/** `.` and `..` in any spelling the URL parser would resolve (`%2e`, `%2E`, mixed). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

function checkSegment(value: unknown, name: string, template: string): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  let problem: string | undefined;
  if (typeof text !== 'string') problem = `must be a string, got ${value === null ? 'null' : typeof value}`;
  else if (text.trim() === '') problem = 'must not be empty';
  else if (DOT_SEGMENT.test(text.trim())) problem = `must not be "${text}" (it would leave the path)`;
  if (problem !== undefined) {
    throw new RequestError({
      kind: 'validation',
      message: `Path parameter "${name}" of "${template}" ${problem}`,
      issues: [{ path: name, message: problem }],
    });
  }
  return encodeURIComponent(text as string);
}

/**
 * A template tag: each value is encoded with `encodeURIComponent`; an empty, `.`, `..` or
 * non-string id throws a validation error (core's verbs turn it into a rejection).
 *
 * @example
 * core.get(path`/files/${fileId}`); // "/files/file-abc", "/files/a%2Fb"
 */
export function path(strings: TemplateStringsArray, ...values: unknown[]): string {
  const template = strings.join('{}');
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    result += checkSegment(value, `path[${index}]`, template) + (strings[index + 1] ?? '');
  });
  return result;
}

/**
 * Fills a spec path template (`/files/{file_id}`) from named values, with the same checks.
 *
 * @example
 * expandPath('/models/{model}', { model: 'ft:gpt-4o:acme' }); // "/models/ft%3Agpt-4o%3Aacme"
 */
export function expandPath(template: string, params: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => checkSegment(params[name], name, template));
}
