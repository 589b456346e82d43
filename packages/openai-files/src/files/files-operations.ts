/** The operations of the files service, as the official spec names them (see `Operation`). */
import { deferredSchema, defineOperations } from '@integrations/openai-core';
import type { FileUploadParams } from './files-schemas.js';
import type { FilesService } from './files.js';

// The schema module (and zod/mini with it) is loaded on the first validation, not on import.
const fileUploadParamsSchema = deferredSchema(async () => (await import('../schemas.js')).fileUploadParamsSchema);

/** `POST /files`, `GET /files`, `GET|DELETE /files/{file_id}`, `GET /files/{file_id}/content`. */
export const filesOperations = defineOperations<FilesService>()({
  createFile: {
    operationId: 'createFile', method: 'POST', path: '/files', requestBody: 'multipart', requestSchema: fileUploadParamsSchema,
    invoke: (files, { body }) => files.upload(body as FileUploadParams),
  },
  listFiles: { operationId: 'listFiles', method: 'GET', path: '/files', invoke: (files) => files.list() },
  retrieveFile: { operationId: 'retrieveFile', method: 'GET', path: '/files/{file_id}', invoke: (files, { pathParams }) => files.retrieve(pathParams.file_id!) },
  deleteFile: { operationId: 'deleteFile', method: 'DELETE', path: '/files/{file_id}', invoke: (files, { pathParams }) => files.delete(pathParams.file_id!) },
  downloadFile: { operationId: 'downloadFile', method: 'GET', path: '/files/{file_id}/content', invoke: (files, { pathParams }) => files.content(pathParams.file_id!) },
});
