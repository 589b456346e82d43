/**
 * `parse()`: a completion whose answer (and tool-call arguments) are parsed by the zod schemas
 * of the request's helpers. Endings that carry no usable answer are typed errors.
 */
import { ContentPolicyError, ResponseError } from '@integrations/openai-core';
import type { ChatCompletion, ChatCompletionMessage, ChatCompletionMessageToolCall } from '../chat/chat-types.js';
import { PARSE } from './helper-types.js';

/** A tool call whose arguments were parsed. */
export interface ParsedToolCall extends ChatCompletionMessageToolCall {
  parsed_arguments?: unknown;
}

/** A completion with `message.parsed` typed as the response format's schema. */
export interface ParsedChatCompletion<T> extends ChatCompletion {
  choices: Array<ChatCompletion['choices'][number] & { message: ChatCompletionMessage & { parsed: T | null; tool_calls?: ParsedToolCall[] } }>;
}

type Parser = (text: string) => unknown;

/** For JSON formats without a zod schema: JSON, or a typed error. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ResponseError({ kind: 'invalid_json', message: `The model's answer is not valid JSON: ${JSON.stringify(text.slice(0, 200))}`, cause: error });
  }
}

function parserOf(value: unknown): Parser | undefined {
  return typeof value === 'object' && value !== null ? ((value as Record<symbol, unknown>)[PARSE] as Parser | undefined) : undefined;
}

/**
 * Adds `parsed` to each choice, in place (so `getResponseMeta` still works on the result).
 * Throws `ContentPolicyError` for a refusal or a content filter, `ResponseError` for a cut-off answer.
 */
export function parseCompletion<T>(completion: ChatCompletion, responseFormat: unknown, tools: unknown[] | undefined): ParsedChatCompletion<T> {
  const parseAnswer = parserOf(responseFormat) ?? (responseFormat && (responseFormat as { type?: string }).type !== 'text' ? parseJson : undefined);
  const toolParsers = new Map<string, Parser>();
  for (const tool of tools ?? []) {
    const parser = parserOf(tool);
    const name = (tool as { function?: { name?: string } }).function?.name;
    if (parser && name) toolParsers.set(name, parser);
  }
  for (const choice of completion.choices) {
    const message = choice.message as ChatCompletionMessage & { parsed?: unknown; tool_calls?: ParsedToolCall[] };
    if (message.refusal) {
      throw new ContentPolicyError({ kind: 'refusal', message: `The model refused: ${message.refusal}`, requestId: completion.id });
    }
    if (choice.finish_reason === 'content_filter') {
      throw new ContentPolicyError({ kind: 'content_filtered', message: 'The answer was stopped by the content filter.' });
    }
    if (choice.finish_reason === 'length') {
      throw new ResponseError({ kind: 'output_truncated', message: 'The answer was cut off at the token limit (finish_reason "length"); raise max_completion_tokens.' });
    }
    message.parsed = parseAnswer && typeof message.content === 'string' ? parseAnswer(message.content) : null;
    for (const call of message.tool_calls ?? []) {
      const parser = toolParsers.get(call.function.name);
      if (parser) call.parsed_arguments = parser(call.function.arguments);
    }
  }
  return completion as ParsedChatCompletion<T>;
}
