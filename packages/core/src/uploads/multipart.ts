/**
 * Multipart uploads: the form and body types, and `encodeMultipart`, which loads the streaming
 * encoder (multipart-encoder.ts) on the first upload.
 */
import type { Uploadable } from './upload-file.js';

/** Upload progress, reported as bytes leave the encoder. */
export interface UploadProgress {
  loaded: number;
  /** Undefined when a part's size is unknown (a stream). */
  total: number | undefined;
}

/** A value of a multipart form: nested objects become `name[key]`, arrays `name[]`. */
export type FormValue = string | number | boolean | null | undefined | Uploadable | FormValue[] | { [key: string]: FormValue };

/** An encoded form, ready to send (and to send again, when `replayable`). */
export interface MultipartBody {
  contentType: string;
  contentLength: number | undefined;
  replayable: boolean;
  /**
   * A fresh body stream. When `done` aborts (the attempt is over, say because the server
   * answered before reading it all), the upload being read is cancelled, closing its file.
   */
  open(onProgress?: (progress: UploadProgress) => void, done?: AbortSignal): ReadableStream<Uint8Array>;
  /**
   * The whole body as one Blob, when every part is already in memory (text, bytes, Blobs): what
   * a browser must send (see `preferBlobBodies`). A Blob of Blobs references them, no copy.
   */
  blob?(): Blob;
}

/**
 * True where a streamed request body needs HTTP/2 or later: browser pages and workers (Chrome
 * fails a streamed upload over HTTP/1.1, as `ERR_ALPN_NEGOTIATION_FAILED`). There an upload
 * whose parts are all in memory goes as one Blob; Node, Deno, Bun and edge runtimes stream.
 * A DOM emulated in Node (jsdom, happy-dom test environments) is still Node: its fetch streams,
 * and could not send the emulator's Blob anyway.
 */
export function preferBlobBodies(): boolean {
  const scope = globalThis as { document?: unknown; WorkerGlobalScope?: unknown; process?: { versions?: { node?: unknown } } };
  if (scope.process?.versions?.node !== undefined) return false;
  return scope.document !== undefined || scope.WorkerGlobalScope !== undefined;
}

/**
 * Encodes `fields` as multipart/form-data. Upload values become file parts. The encoder (and the
 * upload sources it reads) loads on the first upload, so a client that never uploads, or a
 * bundle of one that does not, carries none of it.
 *
 * @example
 * const body = await encodeMultipart({ file: { path: '../train.jsonl' }, purpose: 'fine-tune' });
 * await fetch(url, { method: 'POST', body: body.open(), headers: { 'content-type': body.contentType }, duplex: 'half' });
 */
export async function encodeMultipart(fields: Record<string, FormValue>, options: { boundary?: string } = {}): Promise<MultipartBody> {
  const { encodeMultipartBody } = await import('./multipart-encoder.js');
  return encodeMultipartBody(fields, options);
}
