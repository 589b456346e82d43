import { describe, expect, it } from 'vitest';
import { buildUrl } from './build-url.js';

describe('buildUrl', () => {
  it('adds the slash a path without one is missing', () => {
    expect(buildUrl('https://api.example/v1', 'models').href).toBe('https://api.example/v1/models');
  });

  it('leaves out null and undefined query values', () => {
    expect(buildUrl('https://api.example/v1', '/files', { after: null, limit: 10, order: undefined }).search).toBe('?limit=10');
  });

  it('does not double the brackets of an array name that has them', () => {
    expect(buildUrl('https://api.example/v1', '/x', { 'include[]': ['a', 'b'] }).searchParams.getAll('include[]')).toEqual(['a', 'b']);
  });
});
