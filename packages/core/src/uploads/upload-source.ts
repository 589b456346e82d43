/**
 * Everything a caller may upload, normalised to one shape: a name, a type, a size when known,
 * and `open()` that yields the bytes as a stream. Sources that can be read twice (bytes,
 * Blobs, `{ path }`) are replayable, so a retry can send them again.
 */
import { RequestError } from '../errors/errors.js';
import { contentTypeFor, type FilePath, type Uploadable, type UploadFile } from './upload-file.js';

export { contentTypeFor, isUploadable, toFile, type FilePath, type Uploadable, type UploadFile } from './upload-file.js';

/** A normalised upload. */
export interface UploadSource {
  filename: string;
  contentType: string;
  /** Byte length, when known without reading. */
  size: number | undefined;
  /** False for one-shot streams: a retry cannot send them again. */
  replayable: boolean;
  open(): ReadableStream<Uint8Array>;
  /** The data itself, when it is already in memory (a Blob or bytes): a body can be one Blob. */
  inMemory?: Blob | Uint8Array;
}

function bytesStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
}

function oneShot(filename: string, contentType: string, makeStream: () => ReadableStream<Uint8Array>): UploadSource {
  let opened = false;
  return {
    filename, contentType, size: undefined, replayable: false,
    open() {
      if (opened) {
        throw new RequestError({ kind: 'unsupported_upload', message: `The upload "${filename}" is a one-shot stream and cannot be sent twice; pass a Blob, bytes or { path } to allow retries.` });
      }
      opened = true;
      return makeStream();
    },
  };
}

function iterableStream(iterable: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  }, { highWaterMark: 0 });
}

/**
 * Normalises an upload. `fallbackName` names data that carries no name of its own.
 *
 * @example
 * const source = await toUploadSource({ path: '../train.jsonl' }, 'file');
 */
export async function toUploadSource(input: Uploadable, fallbackName = 'file'): Promise<UploadSource> {
  if ((input as UploadFile).kind === 'upload-file') {
    const file = input as UploadFile;
    const inner = await toUploadSource(file.data, file.name);
    return { ...inner, filename: file.name, contentType: file.type ?? contentTypeFor(file.name), open: inner.open };
  }
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const name = typeof (input as File).name === 'string' && (input as File).name !== '' ? (input as File).name : fallbackName;
    return { filename: name, contentType: input.type || contentTypeFor(name), size: input.size, replayable: true, open: () => input.stream(), inMemory: input };
  }
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    return { filename: fallbackName, contentType: contentTypeFor(fallbackName), size: bytes.byteLength, replayable: true, open: () => bytesStream(bytes), inMemory: bytes };
  }
  if (typeof ReadableStream !== 'undefined' && input instanceof ReadableStream) {
    return oneShot(fallbackName, contentTypeFor(fallbackName), () => input);
  }
  if (Symbol.asyncIterator in (input as object)) {
    return oneShot(fallbackName, contentTypeFor(fallbackName), () => iterableStream(input as AsyncIterable<Uint8Array>));
  }
  if (typeof (input as FilePath).path === 'string') {
    const path = (input as FilePath).path;
    // Node's fs loads on the first `{ path }` upload, not with the package.
    const { openFilePathSource } = await import('#file-path-source');
    const file = await openFilePathSource(path).catch((error: unknown) => {
      throw new RequestError({ kind: 'unsupported_upload', message: `Cannot upload { path: ${JSON.stringify(path)} }: ${(error as Error).message}`, cause: error });
    });
    return { filename: file.name, contentType: contentTypeFor(file.name), size: file.size, replayable: true, open: file.open };
  }
  throw new RequestError({ kind: 'unsupported_upload', message: 'Unsupported upload: pass a Blob/File, bytes, a ReadableStream, an async iterable of bytes, { path }, or toFile(...).' });
}
