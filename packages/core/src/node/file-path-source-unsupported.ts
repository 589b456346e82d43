/**
 * Browser and edge stub for `{ path }` uploads: there is no file system to read from.
 * Selected by the `#file-path-source` import condition wherever `node` is not a condition.
 */
/** A file on disk, ready to be streamed. */
export interface FilePathSource {
  name: string;
  size: number;
  open(): ReadableStream<Uint8Array>;
}

/** Always throws: `{ path }` uploads need Node.js, Bun or Deno. */
export async function openFilePathSource(path: string): Promise<FilePathSource> {
  throw new Error(`reading ${JSON.stringify(path)} needs a file system (Node.js, Bun or Deno); pass a Blob, File or bytes instead`);
}
