/**
 * @integrations/openai-chat: chat completions with validation, streaming, structured outputs
 * and a tool loop.
 */
export { createChatService, type ChatCompletionService } from './chat/chat-service.js';
export { chatCompletionParamsSchema, chatMessageSchema, type ChatCompletionCreateParams, type ChatCompletionMessageParam } from './chat/chat-schemas.js';
export { ChatCompletionStream } from './chat/chat-stream.js';
export type {
  ChatCompletion, ChatCompletionChoice, ChatCompletionChunk, ChatCompletionMessage, ChatCompletionMessageToolCall,
  ChatCompletionTokenLogprob, ChatCompletionToolCallDelta, CompletionUsage, FinishReason,
} from './chat/chat-types.js';
export { CompletionAssembler } from './chat/completion-assembler.js';
export { parseCompletion, type ParsedChatCompletion, type ParsedToolCall } from './structured/parse-completion.js';
export { zodFunction, zodResponseFormat, type ToolContext, type ZodFunctionTool, type ZodResponseFormat } from './structured/zod-helpers.js';
export { type ToolRunOptions, type ToolRunResult } from './tools/run-tools.js';
// What a chat-only user needs from core, so installing this package alone is enough.
export {
  AuthenticationError, ConfigurationError, ContentPolicyError, getResponseMeta, NetworkError, OpenAIError, RateLimitError,
  RequestError, ResourceError, ResponseError, ServerError,
  type ClientOptions, type RequestOptions, type ResponseMeta,
} from '@integrations/openai-core';
export { chatOperations } from './chat/chat-operations.js';
