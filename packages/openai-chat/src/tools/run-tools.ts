/**
 * The tool loop: ask, run the turn's tool calls concurrently, feed results (and tool errors)
 * back, and ask again, until the model answers without tools or `maxRounds` is reached.
 */
import { ConfigurationError, OpenAIError, RequestError, ResponseError, validateParamsAsync, type RequestOptions } from '@integrations/openai-core';
import { abortError } from '@integrations/openai-core/internal';
import { chatOperations } from '../chat/chat-operations.js';
import type { ChatCompletionCreateParams, ChatCompletionMessageParam } from '../chat/chat-schemas.js';
import type { ChatCompletion, ChatCompletionMessageToolCall } from '../chat/chat-types.js';
import { PARSE, RUN, type ToolContext } from '../structured/helper-types.js';
import { untilAborted } from './until-aborted.js';

/** Options of `runTools`, besides the usual per-call options. */
export interface ToolRunOptions extends RequestOptions {
  /** Most model turns before giving up with a typed error. Default 10. */
  maxRounds?: number;
  /** Told about each tool call as it finishes (for logs or a UI). */
  onToolResult?(event: { toolCall: ChatCompletionMessageToolCall; result: string; error: boolean }): void;
}

/** What `runTools` returns. */
export interface ToolRunResult {
  /** The last completion: the model's answer without tool calls. */
  completion: ChatCompletion;
  /** The whole conversation, including every tool call and result. */
  messages: ChatCompletionMessageParam[];
  rounds: number;
}

type Create = (params: ChatCompletionCreateParams, options?: RequestOptions) => Promise<ChatCompletion>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runToolCall(call: ChatCompletionMessageToolCall, tools: unknown[], signal: AbortSignal | undefined): Promise<{ content: string; error: boolean }> {
  const tool = tools.find((each) => (each as { function?: { name?: string } }).function?.name === call.function.name) as Record<symbol, unknown> | undefined;
  const run = tool?.[RUN] as ((args: unknown, context: ToolContext) => unknown) | undefined;
  if (!run) return { content: `Error: there is no tool named "${call.function.name}".`, error: true };
  let args: unknown;
  try {
    const parse = tool?.[PARSE] as ((text: string) => unknown) | undefined;
    args = parse ? parse(call.function.arguments) : JSON.parse(call.function.arguments);
  } catch (error) {
    return { content: `Error: the arguments for ${call.function.name} are invalid: ${describe(error)}`, error: true };
  }
  try {
    // The tool gets the signal, but an abort does not wait for it to honour it.
    const result = await untilAborted(() => run(args, { signal, toolCall: call }), signal);
    return { content: typeof result === 'string' ? result : JSON.stringify(result ?? null), error: false };
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    if (OpenAIError.isInstance(error) && error.kind === 'aborted') throw error;
    return { content: `Error: ${describe(error)}`, error: true };
  }
}

/**
 * Every tool the model may call needs code to run, or the loop would tell the model "there is
 * no tool named X" and the developer nothing: say so before the first request.
 */
function checkImplementations(tools: unknown[]): void {
  const missing = tools
    .filter((tool) => typeof (tool as Record<symbol, unknown>)[RUN] !== 'function')
    .map((tool) => (tool as { function?: { name?: string }; custom?: { name?: string } }).function?.name ?? (tool as { custom?: { name?: string } }).custom?.name ?? '(unnamed)');
  if (missing.length === 0) return;
  throw new ConfigurationError({
    kind: 'invalid_option',
    message: `runTools has no implementation for ${missing.map((name) => JSON.stringify(name)).join(', ')}: make each tool with zodFunction({ name, parameters, function }) so the loop can run it.`,
  });
}

/**
 * Runs the loop with `create` (one chat completion per round).
 *
 * @example
 * const { completion } = await chat.runTools({ model, messages, tools: [getWeather, getTime] });
 */
export async function runTools(create: Create, params: ChatCompletionCreateParams & { tools: unknown[] }, options: ToolRunOptions = {}): Promise<ToolRunResult> {
  // Checked before the loop, so bad input is a validation error, not a TypeError from the loop.
  await validateParamsAsync(chatOperations.createChatCompletion.requestSchema, params);
  if (!Array.isArray(params.tools)) {
    throw new RequestError({ kind: 'validation', message: 'Invalid params: tools: runTools needs an array of tools', issues: [{ path: 'tools', message: 'must be an array' }] });
  }
  checkImplementations(params.tools);
  const { maxRounds = 10, onToolResult, ...requestOptions } = options;
  const messages: ChatCompletionMessageParam[] = [...params.messages];
  for (let round = 1; round <= maxRounds; round++) {
    if (requestOptions.signal?.aborted) throw abortError(requestOptions.signal);
    const completion = await create({ ...params, messages } as ChatCompletionCreateParams, requestOptions);
    const message = completion.choices[0]?.message;
    const calls = message?.tool_calls ?? [];
    if (!message || calls.length === 0) {
      if (message) messages.push({ role: 'assistant', content: message.content, ...(message.refusal ? { refusal: message.refusal } : {}) });
      return { completion, messages, rounds: round };
    }
    // Only the wire fields go back to the API (a parsed copy of the arguments would be sent too).
    // The loop runs function tools only (`zodFunction`), so every call it echoes is a function call.
    const toolCalls = calls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.function.name, arguments: call.function.arguments } }));
    messages.push({ role: 'assistant', content: message.content, tool_calls: toolCalls });
    const results = await Promise.all(calls.map(async (call) => {
      const outcome = await runToolCall(call, params.tools, requestOptions.signal);
      onToolResult?.({ toolCall: call, result: outcome.content, error: outcome.error });
      return { role: 'tool' as const, tool_call_id: call.id, content: outcome.content };
    }));
    messages.push(...results);
  }
  throw new ResponseError({
    kind: 'too_many_tool_rounds',
    message: `The model was still calling tools after ${maxRounds} rounds (option "maxRounds").`,
  });
}
