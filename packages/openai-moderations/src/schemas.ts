/**
 * @integrations/openai-moderations/schemas: the request schema (zod/mini), for checking a body
 * yourself. The service loads this module on its first validation, so importing the package
 * does not load zod.
 */
export { moderationParamsSchema } from './moderations/moderations-schemas.js';
