/**
 * @integrations/openai-files/schemas: the request schemas (zod/mini), for checking a body
 * yourself. The services load this module on their first validation, so importing the package
 * does not load zod.
 */
export { fileListParamsSchema, fileUploadParamsSchema } from './files/files-schemas.js';
export { uploadCompleteParamsSchema, uploadCreateParamsSchema, uploadPartParamsSchema } from './uploads/uploads-schemas.js';
