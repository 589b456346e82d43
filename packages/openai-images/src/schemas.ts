/**
 * @integrations/openai-images/schemas: the request schemas (zod/mini), for checking a body
 * yourself. The service loads this module on its first validation, so importing the package
 * does not load zod.
 */
export {
  imageEditParamsSchema, imageEditReferenceParamsSchema, imageEditUploadParamsSchema, imageGenerateParamsSchema, imageVariationParamsSchema,
} from './images/images-schemas.js';
