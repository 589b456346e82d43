/**
 * Everything a caller may upload, normalised to one shape: a name, a type, a size when known,
 * and `open()` that yields the bytes as a stream. Sources that can be read twice (bytes,
 * Blobs, `{ path }`) are replayable, so a retry can send them again.
 */
import { RequestError } from '../errors/errors.js';

/** A file on disk, streamed in chunks (Node, Bun and Deno only). */
export interface FilePath {
  path: string;
}

/** The result of `toFile()`: data with a file name and a content type. */
export interface UploadFile {
  readonly kind: 'upload-file';
  readonly name: string;
  readonly type: string | undefined;
  readonly data: Exclude<Uploadable, UploadFile>;
}

/** Anything accepted where the API takes a file. */
export type Uploadable =
  | Blob
  | Uint8Array
  | ArrayBuffer
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | FilePath
  | UploadFile;

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

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json', jsonl: 'application/jsonl', txt: 'text/plain', md: 'text/markdown',
  csv: 'text/csv', pdf: 'application/pdf', html: 'text/html', png: 'image/png', jpg: 'image/jpeg',
  jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', mp3: 'audio/mpeg', mpga: 'audio/mpeg',
  mpeg: 'audio/mpeg', m4a: 'audio/mp4', mp4: 'audio/mp4', wav: 'audio/wav', webm: 'audio/webm',
  flac: 'audio/flac', ogg: 'audio/ogg', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Guesses a content type from a file name's extension. */
export function contentTypeFor(filename: string): string {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  // Own keys only: a file named `x.constructor` must not get Object's constructor as its type.
  return Object.hasOwn(CONTENT_TYPES, extension) ? CONTENT_TYPES[extension]! : 'application/octet-stream';
}

/**
 * Gives `data` a file name and content type (the API reads the extension of the name).
 *
 * @example
 * await files.upload({ file: toFile(jsonlBytes, 'train.jsonl'), purpose: 'fine-tune' });
 */
export function toFile(data: Exclude<Uploadable, UploadFile>, name: string, options: { type?: string } = {}): UploadFile {
  return Object.freeze({ kind: 'upload-file' as const, name, type: options.type, data });
}

/** True for every value `toUploadSource` accepts. */
export function isUploadable(value: unknown): value is Uploadable {
  if (typeof value !== 'object' || value === null) return false;
  return (
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream) ||
    Symbol.asyncIterator in value ||
    (value as UploadFile).kind === 'upload-file' ||
    (typeof (value as FilePath).path === 'string' && Object.keys(value).length === 1)
  );
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
