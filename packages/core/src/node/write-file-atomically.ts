/**
 * Node-only: writes bytes or a byte stream to a file atomically: into a temp file beside the
 * target, flushed to disk, then renamed over it. A reader of the target sees the old file or
 * the whole new one, never a half-written one; on any failure (the stream errors or is
 * aborted, the disk fills) the temp file is removed and the target is untouched.
 * The `@integrations/openai-core/write-file` entry, for the packages that save results (files,
 * images, audio); runtimes without `node` as a condition get the stub beside it.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** How to write. */
export interface WriteFileOptions {
  /** Create the target's directory when it is missing (default: false, a missing one fails). */
  createDirectory?: boolean;
}

/**
 * Writes `data` to `target` atomically and returns the number of bytes written.
 *
 * @example
 * await writeFileAtomically(bytes, 'out/image-0.png', { createDirectory: true });
 */
export async function writeFileAtomically(data: Uint8Array | ReadableStream<Uint8Array>, target: string, options: WriteFileOptions = {}): Promise<number> {
  if (options.createDirectory) await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.part`);
  const handle = await open(temp, 'wx');
  let bytes = 0;
  let closed = false;
  try {
    const chunks: AsyncIterable<Uint8Array> | Uint8Array[] = data instanceof Uint8Array ? [data] : (data as unknown as AsyncIterable<Uint8Array>);
    for await (const chunk of chunks) {
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
