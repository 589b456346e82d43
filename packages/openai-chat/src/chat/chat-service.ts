/**
 * The chat completions service: `create`, `createStream`, `parse` and `runTools`, each a few
 * lines on core (validation, retries, breaker, limiter, streams and errors live there).
 */
import { createOpenAICore, rejectingMethods, RequestError, SseStream, type ClientOptions, type OpenAICore, type RequestOptions } from '@integrations/openai-core';
import { chatOperations } from './chat-operations.js';
import { parseCompletion, type ParsedChatCompletion } from '../structured/parse-completion.js';
import type { ZodResponseFormat } from '../structured/helper-types.js';
import type { ToolRunOptions, ToolRunResult } from '../tools/run-tools.js';
import type { ChatCompletionCreateParams } from './chat-schemas.js';
import { ChatCompletionStream } from './chat-stream.js';
import type { ChatCompletion, ChatCompletionChunk } from './chat-types.js';

const { path: PATH, requestSchema: chatCompletionParamsSchema } = chatOperations.createChatCompletion;

/** Chat completions. */
export interface ChatCompletionService {
  /** One completion. `stream: true` belongs to `createStream`. */
  create(params: ChatCompletionCreateParams, options?: RequestOptions): Promise<ChatCompletion>;
  /** A streamed completion, started at once. */
  createStream(params: ChatCompletionCreateParams, options?: RequestOptions): ChatCompletionStream;
  /** A completion whose answer is parsed (and typed) by the `zodResponseFormat` it was asked with. */
  parse<T = unknown>(params: Omit<ChatCompletionCreateParams, 'response_format'> & { response_format?: ZodResponseFormat<T> | ChatCompletionCreateParams['response_format'] }, options?: RequestOptions): Promise<ParsedChatCompletion<T>>;
  /** Runs tools made with `zodFunction({ function })` until the model answers. */
  runTools(params: ChatCompletionCreateParams & { tools: unknown[] }, options?: ToolRunOptions): Promise<ToolRunResult>;
}

function deprecationOf(params: ChatCompletionCreateParams | undefined) {
  if (params === undefined || params === null) return undefined;
  if (params.functions !== undefined || params.function_call !== undefined) {
    return { feature: 'chat.completions functions/function_call', message: '`functions` and `function_call` are deprecated; use `tools` and `tool_choice`.' };
  }
  return undefined;
}

/**
 * Creates the chat service from client options or an existing core (to share its transport,
 * breaker, limiter and hooks).
 *
 * @example
 * const chat = createChatService({ apiKey: process.env.OPENAI_API_KEY });
 * const completion = await chat.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello!' }] });
 * console.log(completion.choices[0].message.content);
 */
export function createChatService(configOrCore: ClientOptions | OpenAICore = {}): ChatCompletionService {
  const core = createOpenAICore(configOrCore);

  const create: ChatCompletionService['create'] = (params, options) => {
    if (params?.stream === true) {
      throw new RequestError({ kind: 'validation', message: 'stream: true is for createStream(); create() returns one completion.', issues: [{ path: 'stream', message: 'use createStream()' }] });
    }
    return core.post<ChatCompletion, ChatCompletionCreateParams>(PATH, { body: params, schema: chatCompletionParamsSchema, deprecated: deprecationOf(params) }, options);
  };

  return rejectingMethods<ChatCompletionService>({
    create,
    createStream(params, options) {
      const body = { ...params, stream: true };
      return new ChatCompletionStream(core.stream<ChatCompletionChunk, ChatCompletionCreateParams>(PATH, { body, schema: chatCompletionParamsSchema, deprecated: deprecationOf(params) }, options));
    },
    async parse<T>(params: Parameters<ChatCompletionService['parse']>[0], options?: RequestOptions) {
      const completion = await create(params as ChatCompletionCreateParams, options);
      return parseCompletion<T>(completion, params.response_format, params.tools as unknown[] | undefined);
    },
    // The tool loop loads on first use: a bundle that only creates completions leaves it out.
    runTools: async (params, options) => (await import('../tools/run-tools.js')).runTools(create, params, options),
  }, { createStream: (error) => new ChatCompletionStream(SseStream.failed(error)) });
}
