/**
 * @integrations/openai-files: files (streamed uploads from any source, streamed and atomic
 * downloads, waiting for processing) and the Uploads API (`uploadLarge` for files up to 8 GB).
 */
export { createFilesService, type DownloadResult, type FilesService } from './files/files.js';
// The zod schemas are at `./schemas`: they do not load with this entry.
export type { FileExpiresAfter, FileListParams, FileUploadParams } from './files/files-schemas.js';
export { FILE_UPLOAD_PURPOSES } from './files/file-purposes.js';
export type { FileDeleted, FileObject, FilePurpose } from './files/files-types.js';
export { filesOperations } from './files/files-operations.js';
export type { WaitOptions } from './files/wait-options.js';
export { createUploadsService, type UploadsService } from './uploads/uploads.js';
export type { UploadLargeParams, UploadLargeProgress } from './uploads/upload-large-params.js';
export type { UploadCompleteParams, UploadCreateParams, UploadPartParams } from './uploads/uploads-schemas.js';
export { MAX_PART_BYTES, MAX_UPLOAD_BYTES } from './uploads/upload-limits.js';
export type { Upload, UploadPart } from './uploads/uploads-types.js';
export { uploadsOperations } from './uploads/uploads-operations.js';
export { toFile, type Uploadable, type UploadProgress } from '@integrations/openai-core';
