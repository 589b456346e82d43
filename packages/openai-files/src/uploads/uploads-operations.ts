/** The operations of the uploads service, as the official spec names them (see `Operation`). */
import { deferredSchema, defineOperations } from '@integrations/openai-core';
import type { UploadCompleteParams, UploadCreateParams, UploadPartParams } from './uploads-schemas.js';
import type { UploadsService } from './uploads.js';

// The schema module (and zod/mini with it) is loaded on the first validation, not on import.
const uploadCreateParamsSchema = deferredSchema(async () => (await import('../schemas.js')).uploadCreateParamsSchema);
const uploadPartParamsSchema = deferredSchema(async () => (await import('../schemas.js')).uploadPartParamsSchema);
const uploadCompleteParamsSchema = deferredSchema(async () => (await import('../schemas.js')).uploadCompleteParamsSchema);

/** `POST /uploads`, `/uploads/{upload_id}/parts`, `/complete` and `/cancel`. */
export const uploadsOperations = defineOperations<UploadsService>()({
  createUpload: {
    operationId: 'createUpload', method: 'POST', path: '/uploads', requestBody: 'json', requestSchema: uploadCreateParamsSchema,
    invoke: (uploads, { body }) => uploads.create(body as UploadCreateParams),
  },
  addUploadPart: {
    operationId: 'addUploadPart', method: 'POST', path: '/uploads/{upload_id}/parts', requestBody: 'multipart', requestSchema: uploadPartParamsSchema,
    invoke: (uploads, { pathParams, body }) => uploads.addPart(pathParams.upload_id!, body as UploadPartParams),
  },
  completeUpload: {
    operationId: 'completeUpload', method: 'POST', path: '/uploads/{upload_id}/complete', requestBody: 'json', requestSchema: uploadCompleteParamsSchema,
    invoke: (uploads, { pathParams, body }) => uploads.complete(pathParams.upload_id!, body as UploadCompleteParams),
  },
  cancelUpload: {
    operationId: 'cancelUpload', method: 'POST', path: '/uploads/{upload_id}/cancel',
    invoke: (uploads, { pathParams }) => uploads.cancel(pathParams.upload_id!),
  },
});
