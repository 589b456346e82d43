/** The operations of the chat service, as the official spec names them (see `Operation`). */
import { deferredSchema, defineOperations } from '@integrations/openai-core';
import type { ChatCompletionCreateParams } from './chat-schemas.js';
import type { ChatCompletionService } from './chat-service.js';

// The schema module (and zod/mini with it) is loaded on the first validation, not on import.
const chatCompletionParamsSchema = deferredSchema(async () => (await import('../schemas.js')).chatCompletionParamsSchema);

/** `POST /chat/completions` (one completion, or a stream with `stream: true`). */
export const chatOperations = defineOperations<ChatCompletionService>()({
  createChatCompletion: {
    operationId: 'createChatCompletion', method: 'POST', path: '/chat/completions', requestBody: 'json', requestSchema: chatCompletionParamsSchema,
    invoke: (chat, { body }) => chat.create(body as ChatCompletionCreateParams),
  },
});
