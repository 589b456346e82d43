/** The parameters of `uploads.uploadLarge`, checked before anything is read or sent. */
import { isUploadable, lazySchema, type LazySchema, type ParamsSchema, type UploadProgress, type Uploadable } from '@integrations/openai-core';
import * as z from 'zod/mini';
import type { FileExpiresAfter } from '../files/files-schemas.js';
import { MAX_PART_BYTES, MAX_UPLOAD_BYTES, type UploadCreateParams } from './uploads-schemas.js';

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

const isSignal = (value: unknown) => typeof value === 'object' && value !== null && typeof (value as AbortSignal).addEventListener === 'function' && 'aborted' in value;

/** Validates `uploadLarge` params; unknown fields are refused (they would go nowhere). */
export const uploadLargeParamsSchema: LazySchema<ParamsSchema<UploadLargeParams>> = lazySchema(() => z.strictObject({
  file: z.custom<Uploadable>((value) => isUploadable(value), { error: 'expected a file: { path }, a Blob/File, bytes, a ReadableStream or an async iterable of bytes' }),
  purpose: z.enum(['assistants', 'batch', 'fine-tune', 'vision']),
  filename: z.optional(z.string().check(z.minLength(1))),
  mimeType: z.optional(z.string().check(z.minLength(1))),
  bytes: z.optional(z.int().check(z.gte(0), z.lte(MAX_UPLOAD_BYTES))),
  partSize: z.optional(z.int().check(z.gte(1), z.lte(MAX_PART_BYTES))),
  concurrency: z.optional(z.int().check(z.gte(1), z.lte(64))),
  onProgress: z.optional(z.custom<UploadLargeParams['onProgress']>((value) => typeof value === 'function', { error: 'must be a function' })),
  signal: z.optional(z.custom<AbortSignal>(isSignal, { error: 'must be an AbortSignal' })),
  expires_after: z.optional(z.looseObject({ anchor: z.literal('created_at'), seconds: z.int().check(z.gte(3600), z.lte(2_592_000)) })),
  md5: z.optional(z.string().check(z.minLength(1))),
}));
