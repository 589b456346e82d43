/** The operations of the chat service, as the official spec names them (see `Operation`). */
import { defineOperations } from '@integrations/openai-core';
import { chatCompletionParamsSchema, type ChatCompletionCreateParams } from './chat-schemas.js';
import type { ChatCompletionService } from './chat-service.js';

/** `POST /chat/completions` (one completion, or a stream with `stream: true`). */
export const chatOperations = defineOperations<ChatCompletionService>()({
  createChatCompletion: {
    operationId: 'createChatCompletion', method: 'POST', path: '/chat/completions', requestBody: 'json', requestSchema: chatCompletionParamsSchema,
    invoke: (chat, { body }) => chat.create(body as ChatCompletionCreateParams),
  },
});
