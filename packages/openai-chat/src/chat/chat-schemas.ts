/**
 * The chat completion request, as zod/mini schemas built on first use. Field names, ranges and
 * enums follow the OpenAPI spec (CreateChatCompletionRequest). Objects are loose: fields the
 * API adds later pass through. Model names, voices, tiers and effort levels stay open strings.
 */
import { lazySchema } from '@integrations/openai-core';
import * as z from 'zod/mini';
import type { ChatCompletionRequestMessage, CreateChatCompletionRequest } from '../generated/create-chat-completion.js';

// `{ mode: 'explicit' }` marks where an explicit prompt-cache breakpoint goes (any content part).
const cacheBreakpoint = () => z.optional(z.looseObject({ mode: z.literal('explicit') }));
const part = <T extends string, S extends Record<string, z.ZodMiniType>>(type: T, shape: S) =>
  z.looseObject({ type: z.literal(type), prompt_cache_breakpoint: cacheBreakpoint(), ...shape });
const text = () => part('text', { text: z.string() });
const contentOf = <T extends z.ZodMiniType>(item: T) => z.union([z.string(), z.array(item).check(z.minLength(1))]);
// A refinement rather than a discriminated union: the tool loop echoes calls back typed as
// `type: 'function' | 'custom'`, and the wire rule (the object named by `type` is required) holds either way.
const toolCall = () => z.looseObject({
  id: z.string(),
  type: z.enum(['function', 'custom']),
  function: z.optional(z.looseObject({ name: z.string(), arguments: z.string() })),
  custom: z.optional(z.looseObject({ name: z.string(), input: z.string() })),
}).check(z.refine((call) => call[call.type] !== undefined, { message: 'needs the object its type names (function or custom)' }));
const range = (min: number, max: number) => z.optional(z.nullable(z.number().check(z.gte(min), z.lte(max))));
const intRange = (min: number, max?: number) => z.optional(z.nullable(max === undefined ? z.int().check(z.gte(min)) : z.int().check(z.gte(min), z.lte(max))));
const toolName = () => z.string().check(z.regex(/^[a-zA-Z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -'));

/** One message of the conversation; the role decides its shape. */
export const chatMessageSchema = lazySchema(() => z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('developer'), content: contentOf(text()), name: z.optional(z.string()) }),
  z.looseObject({ role: z.literal('system'), content: contentOf(text()), name: z.optional(z.string()) }),
  z.looseObject({
    role: z.literal('user'),
    name: z.optional(z.string()),
    content: contentOf(z.discriminatedUnion('type', [
      text(),
      part('image_url', { image_url: z.looseObject({ url: z.string(), detail: z.optional(z.enum(['auto', 'low', 'high'])) }) }),
      part('input_audio', { input_audio: z.looseObject({ data: z.string(), format: z.enum(['wav', 'mp3']) }) }),
      part('file', { file: z.looseObject({ filename: z.optional(z.string()), file_data: z.optional(z.string()), file_id: z.optional(z.string()) }) }),
    ])),
  }),
  z.looseObject({
    role: z.literal('assistant'),
    content: z.optional(z.nullable(contentOf(z.discriminatedUnion('type', [text(), part('refusal', { refusal: z.string() })])))),
    refusal: z.optional(z.nullable(z.string())),
    name: z.optional(z.string()),
    audio: z.optional(z.nullable(z.looseObject({ id: z.string() }))),
    tool_calls: z.optional(z.array(toolCall())),
    function_call: z.optional(z.nullable(z.looseObject({ name: z.string(), arguments: z.string() }))),
  }),
  z.looseObject({ role: z.literal('tool'), content: contentOf(text()), tool_call_id: z.string().check(z.minLength(1)) }),
  z.looseObject({ role: z.literal('function'), content: z.nullable(z.string()), name: z.string() }),
]));

const functionTool = () => z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: toolName(),
    description: z.optional(z.string()),
    parameters: z.optional(z.record(z.string(), z.unknown())),
    strict: z.optional(z.nullable(z.boolean())),
  }),
});
const grammar = () => z.looseObject({ definition: z.string(), syntax: z.enum(['lark', 'regex']) });
const customToolFormat = () => z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('grammar'), grammar: grammar() }),
]);
const customTool = () => z.looseObject({ type: z.literal('custom'), custom: z.looseObject({ name: toolName(), description: z.optional(z.string()), format: z.optional(customToolFormat()) }) });
const moderationConfig = () => z.optional(z.nullable(z.looseObject({ mode: z.enum(['score', 'block']) })));
const moderation = () => z.looseObject({ model: z.string(), policy: z.optional(z.nullable(z.looseObject({ input: moderationConfig(), output: moderationConfig() }))) });
const webSearchOptions = () => z.looseObject({
  user_location: z.optional(z.nullable(z.looseObject({
    type: z.literal('approximate'),
    approximate: z.looseObject({ country: z.optional(z.string()), region: z.optional(z.string()), city: z.optional(z.string()), timezone: z.optional(z.string()) }),
  }))),
  search_context_size: z.optional(z.enum(['low', 'medium', 'high'])),
});

/** Every field of `POST /chat/completions`. */
export const chatCompletionParamsSchema = lazySchema(() => z.looseObject({
  model: z.string().check(z.minLength(1, 'model is required')),
  messages: z.array(chatMessageSchema()).check(z.minLength(1, 'messages needs at least one message')),
  temperature: range(0, 2),
  top_p: range(0, 1),
  n: intRange(1, 128),
  frequency_penalty: range(-2, 2),
  presence_penalty: range(-2, 2),
  logprobs: z.optional(z.nullable(z.boolean())),
  top_logprobs: intRange(0, 20),
  max_tokens: intRange(1),
  max_completion_tokens: intRange(1),
  stop: z.optional(z.nullable(z.union([z.string(), z.array(z.string()).check(z.minLength(1), z.maxLength(4))]))),
  logit_bias: z.optional(z.nullable(z.record(z.string(), z.int().check(z.gte(-100), z.lte(100))))),
  seed: z.optional(z.nullable(z.int())),
  stream: z.optional(z.nullable(z.boolean())),
  stream_options: z.optional(z.nullable(z.looseObject({ include_usage: z.optional(z.boolean()), include_obfuscation: z.optional(z.boolean()) }))),
  tools: z.optional(z.array(z.discriminatedUnion('type', [functionTool(), customTool()]))),
  tool_choice: z.optional(z.union([
    z.enum(['none', 'auto', 'required']),
    z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) }),
    z.looseObject({ type: z.literal('custom'), custom: z.looseObject({ name: z.string() }) }),
    z.looseObject({ type: z.literal('allowed_tools'), allowed_tools: z.looseObject({ mode: z.enum(['auto', 'required']), tools: z.array(z.record(z.string(), z.unknown())) }) }),
  ])),
  parallel_tool_calls: z.optional(z.boolean()),
  response_format: z.optional(z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('text') }),
    z.looseObject({ type: z.literal('json_object') }),
    z.looseObject({
      type: z.literal('json_schema'),
      json_schema: z.looseObject({ name: toolName(), description: z.optional(z.string()), schema: z.optional(z.record(z.string(), z.unknown())), strict: z.optional(z.nullable(z.boolean())) }),
    }),
  ])),
  modalities: z.optional(z.nullable(z.array(z.enum(['text', 'audio'])))),
  audio: z.optional(z.nullable(z.looseObject({ voice: z.union([z.string(), z.looseObject({ id: z.string() })]), format: z.enum(['wav', 'aac', 'mp3', 'flac', 'opus', 'pcm16']) }))),
  prediction: z.optional(z.nullable(z.looseObject({ type: z.literal('content'), content: contentOf(text()) }))),
  reasoning_effort: z.optional(z.nullable(z.string())),
  verbosity: z.optional(z.nullable(z.string())),
  service_tier: z.optional(z.nullable(z.string())),
  store: z.optional(z.nullable(z.boolean())),
  metadata: z.optional(z.nullable(z.record(z.string(), z.string()))),
  user: z.optional(z.string()),
  safety_identifier: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  prompt_cache_key: z.optional(z.nullable(z.string())),
  /** @deprecated Use `prompt_cache_options`. */
  prompt_cache_retention: z.optional(z.nullable(z.enum(['in_memory', '24h']))),
  // `ttl` stays an open string: the spec lists one value ('30m') and more are bound to come.
  prompt_cache_options: z.optional(z.looseObject({ ttl: z.optional(z.string()), mode: z.optional(z.enum(['implicit', 'explicit'])) })),
  moderation: z.optional(z.nullable(moderation())),
  web_search_options: z.optional(webSearchOptions()),
  functions: z.optional(z.array(z.looseObject({ name: toolName(), description: z.optional(z.string()), parameters: z.optional(z.record(z.string(), z.unknown())) })).check(z.minLength(1), z.maxLength(128))),
  function_call: z.optional(z.union([z.enum(['none', 'auto']), z.looseObject({ name: z.string() })])),
}).check(
  z.refine((params) => params.top_logprobs === undefined || params.top_logprobs === null || params.logprobs === true, { message: 'top_logprobs needs logprobs: true', path: ['top_logprobs'] }),
  z.refine((params) => !params.stream_options || params.stream === true, { message: 'stream_options is only allowed with stream: true', path: ['stream_options'] }),
));

/**
 * The parameters of `create`: a closed interface generated from the spec
 * (`CreateChatCompletionRequest`), so a misspelt field is a compile error naming it. At run time
 * unknown fields still pass through (for callers who opt out of the types).
 */
export type ChatCompletionCreateParams = CreateChatCompletionRequest;
/** One message of `messages` (the spec's `ChatCompletionRequestMessage`). */
export type ChatCompletionMessageParam = ChatCompletionRequestMessage;
