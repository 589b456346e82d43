/**
 * @integrations/openai-audio/schemas: the request schemas (zod/mini), for checking a body
 * yourself. The service loads this module on its first validation, so importing the package
 * does not load zod.
 */
export { speechParamsSchema, transcriptionParamsSchema, translationParamsSchema } from './audio/audio-schemas.js';
