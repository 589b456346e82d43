/**
 * @integrations/openai-chat: chat completions with validation, streaming, structured outputs
 * and a tool loop.
 */
export { createChatService, type ChatCompletionService } from './chat/chat-service.js';
// The zod schemas are at `./schemas` and the zod helpers at `./zod`: neither loads with this entry.
export type { ChatCompletionCreateParams, ChatCompletionMessageParam } from './chat/chat-schemas.js';
export { ChatCompletionStream } from './chat/chat-stream.js';
export type {
  ChatCompletion, ChatCompletionChoice, ChatCompletionChunk, ChatCompletionMessage, ChatCompletionMessageToolCall,
  ChatCompletionTokenLogprob, ChatCompletionToolCallDelta, CompletionUsage, FinishReason,
} from './chat/chat-types.js';
export { CompletionAssembler } from './chat/completion-assembler.js';
export { parseCompletion, type ParsedChatCompletion, type ParsedToolCall } from './structured/parse-completion.js';
export type { ToolContext, ZodFunctionTool, ZodResponseFormat } from './structured/helper-types.js';
export type { ToolRunOptions, ToolRunResult } from './tools/run-tools.js';
// What a chat-only user needs from core, so installing this package alone is enough.
export {
  AuthenticationError, ConfigurationError, ContentPolicyError, getResponseMeta, NetworkError, OpenAIError, RateLimitError,
  RequestError, ResourceError, ResponseError, ServerError,
  type ClientOptions, type RequestOptions, type ResponseMeta,
} from '@integrations/openai-core';
export { chatOperations } from './chat/chat-operations.js';
