import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';

describe('parseDuration', () => {
  it('reads a duration with spaces around it', () => {
    expect(parseDuration('  2s \n')).toBe(2_000);
  });

  it('refuses a header of only spaces', () => {
    expect(parseDuration('   ')).toBeUndefined();
  });

  it('reads bare seconds with several digits and decimals', () => {
    expect(parseDuration('12')).toBe(12_000);
    expect(parseDuration('1.25')).toBe(1_250);
  });

  it('reads a unit value with several decimals', () => {
    expect(parseDuration('1.25s')).toBe(1_250);
  });
});
