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

/** What `run` threw, so a test can read the message and issues a user would see. */
function thrown(run: () => unknown): RequestError {
  try {
    run();
  } catch (error) {
    if (RequestError.isInstance(error)) return error as RequestError;
    throw error;
  }
  throw new Error('expected a RequestError, but nothing was thrown');
}

describe('path tag', () => {
  it('keeps the literal text after each id', () => {
    expect(path`/files/${'file-1'}/content`).toBe('/files/file-1/content');
    expect(path`/threads/${'t1'}/runs/${'r2'}/steps`).toBe('/threads/t1/runs/r2/steps');
  });

  it('refuses NaN and Infinity as ids instead of sending "NaN"', () => {
    expect(thrown(() => path`/batches/${Number.NaN}`).message).toContain('must be a string, got number');
    expect(() => path`/batches/${Number.POSITIVE_INFINITY}`).toThrow(RequestError);
  });

  it('names the position of the bad id and shows the template with {} for each id', () => {
    const error = thrown(() => path`/threads/${'t1'}/runs/${''}`);
    expect(error.message).toBe('Path parameter "path[1]" of "/threads/{}/runs/{}" must not be empty');
    expect(error.issues).toEqual([{ path: 'path[1]', message: 'must not be empty' }]);
  });
});

describe('path parameter messages', () => {
  it('says an undefined id is undefined, not null', () => {
    expect(thrown(() => expandPath('/models/{model}', {})).message).toContain('got undefined');
    expect(thrown(() => path`/models/${{}}`).message).toContain('got object');
  });

  it('says a dot segment would leave the path', () => {
    const error = thrown(() => expandPath('/files/{file_id}', { file_id: '..' }));
    expect(error.message).toBe('Path parameter "file_id" of "/files/{file_id}" must not be ".." (it would leave the path)');
    expect(error.issues).toEqual([{ path: 'file_id', message: 'must not be ".." (it would leave the path)' }]);
  });
});
