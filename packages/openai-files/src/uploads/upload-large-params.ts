/** The parameters of `uploads.uploadLarge`, checked before anything is read or sent (upload-large-params-schema.ts). */
import type { UploadProgress, Uploadable } from '@integrations/openai-core';
import type { FileExpiresAfter } from '../files/files-schemas.js';
import type { UploadCreateParams } from './uploads-schemas.js';

/** Progress of a multi-part upload: bytes sent over all parts (a retried part starts again). */
export interface UploadLargeProgress extends UploadProgress {
  total: number;
  /** Parts the API has accepted. */
  partsDone: number;
  partCount: number;
}

/** What `uploadLarge` uploads, and how. */
export interface UploadLargeParams {
  /** `{ path }` (Node), a Blob/File or bytes (parts read in parallel), or a stream / async iterable (parts read in order). */
  file: Uploadable;
  purpose: UploadCreateParams['purpose'];
  /** The file name the API stores (its extension matters). Default: the file's own name. */
  filename?: string;
  /** Default: the file's type, else guessed from the file name. */
  mimeType?: string;
  /** The size in bytes: required for streams and async iterables, whose size is unknown. */
  bytes?: number;
  /** Bytes per part, at most 64 MiB (the default). */
  partSize?: number;
  /** Parts in flight at once. Default 4. Memory stays within partSize × concurrency for streams. */
  concurrency?: number;
  onProgress?(progress: UploadLargeProgress): void;
  /** Stops the upload; the Upload is then cancelled on the server. */
  signal?: AbortSignal;
  expires_after?: FileExpiresAfter;
  /** The md5 of the whole file, for the API to check on completion. */
  md5?: string;
}
