import { describe, expect, it } from 'vitest';
import { RequestError } from '../errors/errors.js';
import { path } from './path.js';

describe('a number in a path', () => {
  it('is written as its digits', () => {
    expect(path`/fine_tuning/jobs/${42}/events`).toBe('/fine_tuning/jobs/42/events');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('is refused when it is not finite (%s), not sent as text', (value) => {
    expect(() => path`/files/${value}`).toThrow(RequestError);
  });
});
