import { describe, expect, it } from 'vitest';
import { ServerError } from '../errors/errors.js';
import { annotateError, singleAttemptPolicy, type CallContext } from './resilience-policy.js';

describe('single attempt policy', () => {
  it('makes exactly one attempt, numbered 1, and returns what it produced', async () => {
    const numbers: number[] = [];
    const outcome = { value: 'done', response: new Response('') };
    const result = await singleAttemptPolicy.run({} as CallContext, async (attemptNumber) => {
      numbers.push(attemptNumber);
      return outcome;
    });
    expect(result).toBe(outcome);
    expect(numbers).toEqual([1]);
  });
});

describe('annotateError', () => {
  it('records attempts and duration as visible fields of the error', () => {
    const error = annotateError(new ServerError({ kind: 'internal_error', message: 'boom' }), 3, 1_250);
    expect(error).toMatchObject({ attempts: 3, durationMs: 1_250 });
    expect(Object.keys(error)).toEqual(expect.arrayContaining(['attempts', 'durationMs']));
  });

  it('can annotate the same error again with newer counts', () => {
    const error = annotateError(new ServerError({ kind: 'internal_error', message: 'boom' }), 1, 10);
    annotateError(error, 2, 20);
    expect(error).toMatchObject({ attempts: 2, durationMs: 20 });
  });
});
