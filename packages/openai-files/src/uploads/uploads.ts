/**
 * The Uploads API: create an Upload, add parts (multipart `data`), complete it into a file (the
 * parts in order) or cancel it; `uploadLarge` does all of it for a file of up to 8 GB.
 */
import {
  createOpenAICore, rejectingMethods, type ClientOptions, type FormValue, type OpenAICore, type RequestOptions,
} from '@integrations/openai-core';
import { uploadLarge } from './upload-large.js';
import type { UploadLargeParams } from './upload-large-params.js';
import { uploadsOperations as operations } from './uploads-operations.js';
import type { UploadCompleteParams, UploadCreateParams, UploadPartParams } from './uploads-schemas.js';
import type { Upload, UploadPart } from './uploads-types.js';

/** Uploads. */
export interface UploadsService {
  /** Starts an Upload of `bytes` bytes (at most 8 GB); it expires after an hour. */
  create(params: UploadCreateParams, options?: RequestOptions): Promise<Upload>;
  /** Adds one part (at most 64 MB); parts may be added in parallel. */
  addPart(uploadId: string, params: UploadPartParams, options?: RequestOptions): Promise<UploadPart>;
  /** Completes the Upload with its parts in file order; the answer's `file` is ready to use. */
  complete(uploadId: string, params: UploadCompleteParams, options?: RequestOptions): Promise<Upload>;
  cancel(uploadId: string, options?: RequestOptions): Promise<Upload>;
  /**
   * Uploads a file of up to 8 GB in parts (parallel for `{ path }`, Blobs and bytes; in order for
   * streams), each retried on its own, and completes it. Memory stays within partSize × concurrency.
   */
  uploadLarge(params: UploadLargeParams, options?: RequestOptions): Promise<Upload>;
}

/**
 * Creates the uploads service from client options or a shared core (also `files.uploads`).
 *
 * @example
 * const uploads = createUploadsService({ apiKey: process.env.OPENAI_API_KEY });
 * const upload = await uploads.uploadLarge({ file: { path: './train.jsonl' }, purpose: 'fine-tune', onProgress: console.log });
 * console.log(upload.file?.id);
 */
export function createUploadsService(configOrCore: ClientOptions | OpenAICore = {}): UploadsService {
  const core = createOpenAICore(configOrCore);
  const { createUpload, addUploadPart, completeUpload, cancelUpload } = operations;
  const plain: Omit<UploadsService, 'uploadLarge'> = {
    create: (params, options) => core.post<Upload>(createUpload.path, { body: params, schema: createUpload.requestSchema }, options),
    addPart: (uploadId, params, options) =>
      core.postMultipart<UploadPart>(addUploadPart.path, { pathParams: { upload_id: uploadId }, body: params as unknown as Record<string, FormValue>, schema: addUploadPart.requestSchema }, options),
    complete: (uploadId, params, options) => core.post<Upload>(completeUpload.path, { pathParams: { upload_id: uploadId }, body: params, schema: completeUpload.requestSchema }, options),
    cancel: (uploadId, options) => core.post<Upload>(cancelUpload.path, { pathParams: { upload_id: uploadId }, body: undefined }, options),
  };
  return rejectingMethods<UploadsService>({ ...plain, uploadLarge: (params, options) => uploadLarge(core, plain, params, options) });
}
