/**
 * Wording of zod 4 issues whose optional fields are missing or unusual (hand-built in zod 4's
 * documented shapes), and which union branch is reported.
 */
import { describe, expect, it } from 'vitest';
import { deepestIssue, describeIssue, type SchemaIssue } from './describe-issue.js';

const generic = 'Invalid input';

function issue(fields: Partial<SchemaIssue>): SchemaIssue {
  return { path: [], message: generic, ...fields };
}

describe('describeIssue with sparse or unusual fields', () => {
  it('words an issue whose message is empty from its fields', () => {
    expect(describeIssue(issue({ code: 'too_small', minimum: 1, origin: 'string', message: '' }))).toBe('must be at least 1 characters');
  });

  it('says "another type" when the expected type is not given', () => {
    expect(describeIssue(issue({ code: 'invalid_type', input: 1 }))).toBe('expected another type, got number');
  });

  it('names an object input as an object', () => {
    expect(describeIssue(issue({ code: 'invalid_type', expected: 'array', input: {} }))).toBe('expected array, got object');
  });

  it('gives no unit for bounds of other origins', () => {
    expect(describeIssue(issue({ code: 'too_big', maximum: 3, origin: 'set' }))).toBe('must be at most 3');
    expect(describeIssue(issue({ code: 'too_small', minimum: 10n, origin: 'bigint' }))).toBe('must be at least 10');
  });

  it('shows a value of up to 40 characters in full and cuts a longer one', () => {
    const forty = 'x'.repeat(38); // 40 characters once quoted
    expect(describeIssue(issue({ code: 'invalid_value', values: [forty] }))).toBe(`must be one of "${forty}"`);
    expect(describeIssue(issue({ code: 'invalid_value', values: [`${forty}yz`] }))).toBe(`must be one of "${forty}y…`);
  });

  it('shows a value JSON cannot write as text', () => {
    expect(describeIssue(issue({ code: 'invalid_value', values: [undefined, null, true] }))).toBe('must be one of undefined, null, true');
  });

  it('tolerates missing value, option and key lists', () => {
    expect(describeIssue(issue({ code: 'invalid_value' }))).toBe('must be one of ');
    expect(describeIssue(issue({ code: 'unrecognized_keys' }))).toBe('has unknown keys ');
    expect(describeIssue(issue({ code: 'invalid_union', discriminator: 'type', input: { type: 'x' } }))).toBe('must be one of , got "x"');
  });

  it('words a discriminator issue without an input', () => {
    expect(describeIssue(issue({ code: 'invalid_union', discriminator: 'type', options: ['a'] }))).toBe('must be one of "a"');
  });

  it('says the format is wrong when no pattern is given', () => {
    expect(describeIssue(issue({ code: 'invalid_format', origin: 'string' }))).toBe('has the wrong format');
  });

  it('says "is not valid" for a code it does not know', () => {
    expect(describeIssue(issue({ code: 'not_multiple_of' }))).toBe('is not valid');
    expect(describeIssue(issue({}))).toBe('is not valid');
  });
});

describe('deepestIssue', () => {
  const typeIssue = (path: PropertyKey[], expected: string): SchemaIssue => issue({ code: 'invalid_type', path, expected, input: 1 });

  it('returns an issue that is not a union unchanged, even with nested errors', () => {
    const custom = issue({ code: 'custom', errors: [[typeIssue(['a'], 'string')]] });
    expect(deepestIssue(custom)).toBe(custom);
  });

  it('returns a discriminated union issue unchanged', () => {
    const union = issue({ code: 'invalid_union', discriminator: 'type', errors: [[typeIssue(['a'], 'string')]] });
    expect(deepestIssue(union)).toBe(union);
  });

  it('returns a union without branches unchanged', () => {
    const union = issue({ code: 'invalid_union', errors: [] });
    expect(deepestIssue(union)).toBe(union);
    const bare = issue({ code: 'invalid_union' });
    expect(deepestIssue(bare)).toBe(bare);
  });

  it('returns a union whose branches hold no issues unchanged', () => {
    const union = issue({ code: 'invalid_union', errors: [[], []] });
    expect(deepestIssue(union)).toBe(union);
  });

  it('keeps the first of two branches that got equally far', () => {
    const union = issue({ code: 'invalid_union', path: ['p'], errors: [[typeIssue(['a'], 'string')], [typeIssue(['b'], 'number')]] });
    expect(deepestIssue(union)).toMatchObject({ path: ['p', 'a'], expected: 'string' });
  });

  it('picks the deepest branch wherever it is, skipping empty branches', () => {
    const union = issue({ code: 'invalid_union', errors: [[], [typeIssue(['a'], 'string')], [typeIssue(['b', 'c'], 'number'), typeIssue([], 'x')]] });
    expect(deepestIssue(union)).toMatchObject({ path: ['b', 'c'], expected: 'number' });
  });

  it('counts a nested union as one level deeper than its path', () => {
    const nested = issue({ code: 'invalid_union', path: [], errors: [[typeIssue([], 'string')], [typeIssue(['deep'], 'boolean')]] });
    const union = issue({ code: 'invalid_union', path: ['v'], errors: [[typeIssue([], 'number')], [nested]] });
    expect(deepestIssue(union)).toMatchObject({ path: ['v', 'deep'], expected: 'boolean' });
  });

  it('prefers a nested union over a sibling branch that failed at the same path', () => {
    const nested = issue({ code: 'invalid_union', path: ['k'], errors: [[typeIssue(['z'], 'boolean')]] });
    const union = issue({ code: 'invalid_union', errors: [[typeIssue(['k'], 'number')], [nested]] });
    expect(deepestIssue(union)).toMatchObject({ path: ['k', 'z'], expected: 'boolean' });
  });
});
