/**
 * Browser and edge stub for the `#file-system` helpers: there is no file system. Selected by
 * the `#file-system` import condition wherever `node` is not a condition.
 */

/** A file on disk as a lazily read Blob. */
export interface FileBlob {
  name: string;
  size: number;
  blob: Blob;
}

const NEEDS_NODE = 'needs a file system (Node.js, Bun or Deno)';

/** Always throws: `{ path }` needs a file system. */
export async function openFileBlob(path: string): Promise<FileBlob> {
  throw new Error(`reading ${JSON.stringify(path)} ${NEEDS_NODE}; pass a Blob, File or bytes instead`);
}
