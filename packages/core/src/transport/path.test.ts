import { describe, expect, it } from 'vitest';
import { RequestError } from '../errors/errors.js';
import { expandPath, path } from './path.js';

const LEAVING = ['', '   ', '.', '..', '%2e', '%2E', '%2e%2e', '%2E%2e', '.%2e', '%2e.', ' .. '];

describe('path parameters', () => {
  it.each(LEAVING)('refuses %j in a path template, as a validation error naming the parameter', (value) => {
    let error: unknown;
    try {
      expandPath('/vector_stores/{vector_store_id}/files/{file_id}', { vector_store_id: 'vs_1', file_id: value });
    } catch (caught) {
      error = caught;
    }
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'file_id' }] });
  });

  it.each(LEAVING)('refuses %j in the path tag', (value) => {
    expect(() => path`/models/${value}`).toThrow(RequestError);
  });

  it('refuses a missing, null or object parameter', () => {
    expect(() => expandPath('/models/{model}', {})).toThrow(/"model".*must be a string/);
    expect(() => expandPath('/models/{model}', { model: null })).toThrow(/got null/);
    expect(() => path`/models/${{}}`).toThrow(RequestError);
  });

  it('encodes ids so they stay one segment, and keeps dots inside an id', () => {
    expect(expandPath('/files/{file_id}/content', { file_id: 'a/b?c#d' })).toBe('/files/a%2Fb%3Fc%23d/content');
    expect(expandPath('/models/{model}', { model: 'ft:gpt-4o:acme::x.y' })).toBe('/models/ft%3Agpt-4o%3Aacme%3A%3Ax.y');
    expect(path`/models/${'...'}`).toBe('/models/...');
    expect(path`/batches/${42}`).toBe('/batches/42');
  });
});
