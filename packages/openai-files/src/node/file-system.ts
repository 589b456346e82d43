/**
 * Node-only file helper, loaded through the `#file-system` import condition (browsers get the
 * stub beside it): a file as a Blob read lazily from disk, so each part of a multi-part upload
 * is a slice read with its own file handle at its own offset (and read again on a retry).
 * Downloads are written by core's atomic writer (`@integrations/openai-core/write-file`).
 */
import * as fs from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';

/** A file on disk as a lazily read Blob. */
export interface FileBlob {
  name: string;
  size: number;
  /** Slices read their own range from disk when streamed; nothing is held in memory. */
  blob: Blob;
}

/** Opens `path` as a Blob backed by the file (`fs.openAsBlob`). Throws the fs error as is. */
export async function openFileBlob(path: string): Promise<FileBlob> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a regular file`);
  const openAsBlob = (fs as { openAsBlob?: (path: string) => Promise<Blob> }).openAsBlob;
  if (openAsBlob === undefined) throw new Error('this runtime has no fs.openAsBlob (Node.js 19.8+); pass a Blob instead');
  return { name: basename(path), size: info.size, blob: await openAsBlob(path) };
}
