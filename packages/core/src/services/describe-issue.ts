/**
 * Words a zod issue for people, from its structured fields rather than its message: zod/mini
 * ships no locale (its messages are all "Invalid input"), and a library must not set a global
 * locale on the user's zod. Custom messages (from our own checks) are kept.
 */

/** The fields of a zod 4 issue this uses. */
export interface SchemaIssue {
  code?: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  input?: unknown;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  values?: unknown[];
  options?: unknown[];
  discriminator?: string;
  pattern?: string;
  format?: string;
  prefix?: string;
  suffix?: string;
  includes?: string;
  keys?: string[];
  errors?: SchemaIssue[][];
}

/**
 * zod's own wording: "Invalid input" from zod/mini, and the English locale's sentences, which
 * every zod/mini schema in the process starts using once the app imports classic `zod`. Core's
 * wording must not depend on that, so only other (custom) messages are kept.
 */
const ZOD_WORDING = /^(?:Invalid\b|Too (?:big|small):|Unrecognized keys?\b)/;

function unit(origin: string | undefined): string {
  return origin === 'string' ? ' characters' : origin === 'array' ? ' items' : '';
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function pathDepth(issues: SchemaIssue[]): number {
  return Math.max(...issues.map((issue) => issue.path.length + (issue.errors ? 1 : 0)));
}

/**
 * Resolves a union issue to the branch that got furthest, and returns that branch's first
 * issue with its path joined to the union's.
 */
export function deepestIssue(issue: SchemaIssue): SchemaIssue {
  if (issue.code !== 'invalid_union' || issue.discriminator || !issue.errors?.length) return issue;
  const best = issue.errors.reduce((chosen, branch) => (branch.length > 0 && pathDepth(branch) > pathDepth(chosen) ? branch : chosen));
  const first = best[0];
  if (!first || pathDepth(best) === 0) return issue;
  return deepestIssue({ ...first, path: [...issue.path, ...first.path] });
}

/** A string that fails a format check: named for the format, not by its (long) regex. */
function describeFormat(issue: SchemaIssue): string {
  switch (issue.format) {
    case 'regex':
    case undefined:
      return issue.pattern ? `must match ${issue.pattern}` : 'has the wrong format';
    case 'starts_with':
      return `must start with ${shown(issue.prefix)}`;
    case 'ends_with':
      return `must end with ${shown(issue.suffix)}`;
    case 'includes':
      return `must include ${shown(issue.includes)}`;
    case 'lowercase':
    case 'uppercase':
      return `must be ${issue.format}`;
    default:
      return `must be a valid ${issue.format.replace(/_/g, ' ')}`;
  }
}

/** A short sentence about what is wrong, without the path. */
export function describeIssue(issue: SchemaIssue): string {
  if (issue.message && !ZOD_WORDING.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `expected ${issue.expected ?? 'another type'}, got ${Array.isArray(issue.input) ? 'array' : issue.input === null ? 'null' : typeof issue.input}`;
    case 'too_big':
      return `must be at most ${issue.maximum}${unit(issue.origin)}`;
    case 'too_small':
      return `must be at least ${issue.minimum}${unit(issue.origin)}`;
    case 'invalid_value':
      return `must be one of ${(issue.values ?? []).map(shown).join(', ')}`;
    case 'invalid_union':
      if (issue.discriminator) {
        const got = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
        return `must be one of ${(issue.options ?? []).map(shown).join(', ')}${got === undefined ? '' : `, got ${shown(got)}`}`;
      }
      return 'does not match any accepted form';
    case 'invalid_format':
      return describeFormat(issue);
    case 'unrecognized_keys':
      return `has unknown keys ${(issue.keys ?? []).join(', ')}`;
    default:
      return 'is not valid';
  }
}
