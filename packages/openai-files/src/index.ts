/**
 * @integrations/openai-files: files (streamed uploads from any source, streamed and atomic
 * downloads, waiting for processing) and the Uploads API (`uploadLarge` for files up to 8 GB).
 */
export { createFilesService, type DownloadResult, type FilesService } from './files/files.js';
export {
  FILE_UPLOAD_PURPOSES, fileListParamsSchema, fileUploadParamsSchema, type FileExpiresAfter, type FileListParams, type FileUploadParams,
} from './files/files-schemas.js';
export type { FileDeleted, FileObject, FilePurpose } from './files/files-types.js';
export { filesOperations } from './files/files-operations.js';
export type { WaitOptions } from './files/wait-options.js';
export { createUploadsService, type UploadsService } from './uploads/uploads.js';
export type { UploadLargeParams, UploadLargeProgress } from './uploads/upload-large-params.js';
export {
  MAX_PART_BYTES, MAX_UPLOAD_BYTES, uploadCompleteParamsSchema, uploadCreateParamsSchema, uploadPartParamsSchema,
  type UploadCompleteParams, type UploadCreateParams, type UploadPartParams,
} from './uploads/uploads-schemas.js';
export type { Upload, UploadPart } from './uploads/uploads-types.js';
export { uploadsOperations } from './uploads/uploads-operations.js';
export { toFile, type Uploadable, type UploadProgress } from '@integrations/openai-core';
