/** Where there is no file system (browsers, edge runtimes) a `{ path }` upload is a clear, typed error. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('#file-path-source', () => import('../src/node/file-path-source-unsupported.js'));

describe('{ path } uploads without a file system', () => {
  it('fails with unsupported_upload and says what to pass instead', async () => {
    const { encodeMultipart, RequestError } = await import('../src/index.js');
    const error = await encodeMultipart({ file: { path: './train.jsonl' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ kind: 'unsupported_upload' });
    expect((error as Error).message).toMatch(/Blob, File or bytes/);
  });
});
