/**
 * @integrations/openai-embeddings/schemas: the request schema (zod/mini), for checking a body
 * yourself. The service loads this module on its first validation, so importing the package
 * does not load zod.
 */
export { embeddingParamsSchema } from './embeddings/embeddings-schemas.js';
