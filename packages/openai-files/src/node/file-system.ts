/**
 * Node-only file helpers, loaded through the `#file-system` import condition (browsers get the
 * stub beside it): a file as a Blob read lazily from disk, so each part of a multi-part upload
 * is a slice read with its own file handle at its own offset (and read again on a retry), and
 * a download written atomically (a temp file in the target's directory, then a rename).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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

/**
 * Writes `stream` to `target` atomically: into a temp file beside it, flushed, then renamed over
 * `target`. On any failure (the stream errors or is aborted, the disk fills) the temp file is
 * removed and `target` is untouched. Returns the number of bytes written.
 */
export async function writeFileAtomically(stream: ReadableStream<Uint8Array>, target: string): Promise<number> {
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.part`);
  const handle = await open(temp, 'wx');
  let bytes = 0;
  let closed = false;
  try {
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
      let offset = 0;
      while (offset < chunk.byteLength) offset += (await handle.write(chunk, offset, chunk.byteLength - offset)).bytesWritten;
      bytes += chunk.byteLength;
    }
    await handle.sync();
    closed = true;
    await handle.close();
    await rename(temp, target);
    return bytes;
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
