/**
 * @integrations/openai-chat/schemas: the request schemas (zod/mini), for checking a body
 * yourself. The service loads this module on its first validation, so importing the package
 * does not load zod.
 */
export { chatCompletionParamsSchema, chatMessageSchema } from './chat/chat-schemas.js';
