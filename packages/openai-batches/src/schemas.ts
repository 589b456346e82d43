/**
 * @integrations/openai-batches/schemas: the request schemas (zod/mini), for checking a body
 * yourself. The service loads this module on its first validation, so importing the package
 * does not load zod.
 */
export { batchCreateParamsSchema, batchListParamsSchema } from './batches/batches-schemas.js';
