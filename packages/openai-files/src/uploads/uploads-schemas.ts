/**
 * Uploads parameters. `createUpload` and `completeUpload` take JSON bodies generated from the
 * spec (../generated/); `addUploadPart` is multipart, written here by hand from the spec's
 * AddUploadPartRequest with `data` accepting every upload core's encoder streams.
 */
import { lazySchema, type LazySchema, type ParamsSchema, type Uploadable } from '@integrations/openai-core';
import * as z from 'zod/mini';
import { completeUploadRequestSchema, type CompleteUploadRequest } from '../generated/complete-upload.js';
import { createUploadRequestSchema, type CreateUploadRequest } from '../generated/create-upload.js';
import { uploadableSchema } from '../files/files-schemas.js';

/** The body of `uploads.create`: closed, so a misspelt field fails to compile. */
export type UploadCreateParams = CreateUploadRequest;

/** Validates `uploads.create` before sending; unknown fields pass through. */
export const uploadCreateParamsSchema = createUploadRequestSchema;

/** The body of `uploads.complete`: the part ids in file order, and an optional md5 of the whole file. */
export type UploadCompleteParams = CompleteUploadRequest;

/** Validates `uploads.complete` before sending. */
export const uploadCompleteParamsSchema = completeUploadRequestSchema;

/** The fields of `uploads.addPart`. */
export interface UploadPartParams {
  /** At most 64 MB: a Blob, bytes, a stream, `{ path }` or `toFile(...)`. */
  data: Uploadable;
}

/** Validates `uploads.addPart` before any byte is read or sent. */
export const uploadPartParamsSchema: LazySchema<ParamsSchema<UploadPartParams>> = lazySchema(() => z.looseObject({ data: uploadableSchema() }));
