/**
 * What a caller may upload, and the small helpers that name it (`toFile`, `isUploadable`,
 * `contentTypeFor`). Kept apart from upload-source.ts, which reads uploads and loads with the
 * multipart encoder on the first upload: a client that never uploads carries only this.
 */
import { isObject } from '../config/is-object.js';

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
  if (!isObject(value)) return false;
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
