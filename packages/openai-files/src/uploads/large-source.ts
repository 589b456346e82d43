/**
 * What `uploadLarge` reads: a file cut into parts. Blobs, bytes and `{ path }` (a Blob read
 * lazily from disk) are sliced, so parts are independent, go up in parallel and are read again
 * on a retry. Streams and async iterables are read in order, one part buffered at a time.
 */
import { RequestError, toFile, type FilePath, type UploadFile, type Uploadable } from '@integrations/openai-core';

/** One part: its position (0-based) and bytes, ready for `addPart`. */
export interface FilePart {
  index: number;
  start: number;
  end: number;
  data: Uploadable;
}

/** A normalised large upload. */
export interface LargeSource {
  name: string | undefined;
  type: string | undefined;
  /** Known for Blobs, bytes and files; undefined for streams. */
  size: number | undefined;
  /** The parts, in order, for a file of `size` bytes. */
  parts(size: number, partSize: number): AsyncGenerator<FilePart>;
}

function sliced(name: string | undefined, type: string | undefined, size: number, slice: (start: number, end: number) => Uploadable): LargeSource {
  return {
    name, type, size,
    async *parts(total, partSize) {
      const count = Math.max(1, Math.ceil(total / partSize));
      for (let index = 0; index < count; index++) {
        const start = index * partSize;
        const end = Math.min(total, start + partSize);
        yield { index, start, end, data: toFile(slice(start, end) as Exclude<Uploadable, UploadFile>, `part-${index}`, { type: 'application/octet-stream' }) };
      }
    },
  };
}

async function* chunksOf(input: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (!(typeof ReadableStream !== 'undefined' && input instanceof ReadableStream)) return yield* input as AsyncIterable<Uint8Array>;
  const reader = input.getReader();
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

function sizeMismatch(declared: number, actual: string): RequestError {
  return new RequestError({ kind: 'size_mismatch', message: `The stream holds ${actual} bytes, but "bytes" says ${declared}: the parts must add up to the size announced to the API.` });
}

function sequential(input: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): LargeSource {
  return {
    name: undefined, type: undefined, size: undefined,
    async *parts(total, partSize) {
      const chunks = chunksOf(input);
      let pending: Uint8Array | undefined;
      let read = 0;
      const count = Math.max(1, Math.ceil(total / partSize));
      try {
        for (let index = 0; index < count; index++) {
          const start = index * partSize;
          const buffer = new Uint8Array(Math.min(total, start + partSize) - start);
          let filled = 0;
          while (filled < buffer.byteLength) {
            if (pending === undefined || pending.byteLength === 0) {
              const next = await chunks.next();
              if (next.done) throw sizeMismatch(total, String(read));
              pending = next.value;
              read += pending.byteLength;
            }
            const taken = Math.min(pending.byteLength, buffer.byteLength - filled);
            buffer.set(pending.subarray(0, taken), filled);
            pending = pending.subarray(taken);
            filled += taken;
          }
          yield { index, start, end: start + buffer.byteLength, data: toFile(buffer, `part-${index}`, { type: 'application/octet-stream' }) };
        }
        for (;;) {
          if (pending !== undefined && pending.byteLength > 0) throw sizeMismatch(total, `more than ${total}`);
          const next = await chunks.next();
          if (next.done) return;
          pending = next.value;
        }
      } finally {
        await chunks.return(undefined);
      }
    },
  };
}

/**
 * Normalises `file` for `uploadLarge`.
 *
 * @example
 * const source = await toLargeSource({ path: './train.jsonl' });
 * for await (const part of source.parts(source.size!, 64 * 2 ** 20)) send(part);
 */
export async function toLargeSource(file: Uploadable): Promise<LargeSource> {
  if ((file as UploadFile).kind === 'upload-file') {
    const named = file as UploadFile;
    const inner = await toLargeSource(named.data);
    return { ...inner, name: named.name, type: named.type ?? inner.type };
  }
  if (typeof Blob !== 'undefined' && file instanceof Blob) {
    const name = typeof (file as File).name === 'string' && (file as File).name !== '' ? (file as File).name : undefined;
    return sliced(name, file.type || undefined, file.size, (start, end) => file.slice(start, end));
  }
  if (file instanceof Uint8Array || file instanceof ArrayBuffer) {
    const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
    return sliced(undefined, undefined, bytes.byteLength, (start, end) => bytes.subarray(start, end));
  }
  if (typeof (file as FilePath).path === 'string') {
    const path = (file as FilePath).path;
    // Node's fs loads on the first `{ path }` upload, not with the package.
    const { openFileBlob } = await import('#file-system');
    const opened = await openFileBlob(path).catch((error: unknown) => {
      throw new RequestError({ kind: 'unsupported_upload', message: `Cannot upload { path: ${JSON.stringify(path)} }: ${(error as Error).message}`, cause: error });
    });
    return sliced(opened.name, undefined, opened.size, (start, end) => opened.blob.slice(start, end));
  }
  return sequential(file as ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>);
}
