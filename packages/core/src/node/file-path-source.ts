/**
 * Node-only: streams a file from disk in fixed-size chunks, one read per pull, so memory stays
 * constant whatever the file size. `open()` may be called again for a retry.
 * Loaded through the `#file-path-source` import condition; browsers get the stub beside it.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';

/** Bytes read from disk per pull. */
export const FILE_CHUNK_BYTES = 64 * 1024;

/** A file on disk, ready to be streamed. */
export interface FilePathSource {
  name: string;
  size: number;
  open(): ReadableStream<Uint8Array>;
}

/** Checks the file exists and returns a re-openable source for it. Throws the fs error as is. */
export async function openFilePathSource(path: string): Promise<FilePathSource> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a regular file`);
  return { name: basename(path), size: info.size, open: () => streamFile(path) };
}

function streamFile(path: string): ReadableStream<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!handle) {
        const opened = await open(path, 'r');
        // Cancelled while the file was opening: close it now, or nothing ever will.
        if (cancelled) return void (await opened.close());
        handle = opened;
      }
      // A fresh buffer per chunk: the consumer may still hold the previous one.
      const buffer = new Uint8Array(FILE_CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, FILE_CHUNK_BYTES, null);
      if (bytesRead === 0) {
        await handle.close();
        handle = undefined;
        controller.close();
        return;
      }
      controller.enqueue(bytesRead === FILE_CHUNK_BYTES ? buffer : buffer.subarray(0, bytesRead));
    },
    async cancel() {
      cancelled = true;
      const current = handle;
      handle = undefined;
      await current?.close();
    },
  }, { highWaterMark: 0 });
}
