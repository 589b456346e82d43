/**
 * What the structured-output helpers (`@integrations/openai-chat/zod`) attach to the objects
 * they make, with no zod import: `parse` and `runTools` read these, so the main entry stays free
 * of zod.
 */
import type { ChatCompletionMessageToolCall } from '../chat/chat-types.js';

/** Where a helper keeps its parser; symbols are left out of JSON bodies. */
export const PARSE = Symbol.for('@integrations/openai-chat/parse');
/** Where a runnable tool keeps its implementation. */
export const RUN = Symbol.for('@integrations/openai-chat/run');

/** A `json_schema` response format that also knows how to parse the answer into `T`. */
export interface ZodResponseFormat<T> {
  [key: string]: unknown;
  type: 'json_schema';
  json_schema: { [key: string]: unknown; name: string; description?: string; schema: Record<string, unknown>; strict: boolean };
  readonly [PARSE]: (content: string) => T;
}

/** What a tool implementation receives besides its arguments. */
export interface ToolContext {
  signal: AbortSignal | undefined;
  toolCall: ChatCompletionMessageToolCall;
}

/** A function tool with typed arguments and, for `runTools`, an implementation. */
export interface ZodFunctionTool<A> {
  [key: string]: unknown;
  type: 'function';
  function: { [key: string]: unknown; name: string; description?: string; parameters: Record<string, unknown>; strict: boolean };
  readonly [PARSE]: (argumentsJson: string) => A;
  readonly [RUN]?: (args: A, context: ToolContext) => unknown;
}
