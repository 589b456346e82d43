/**
 * Response shapes of `POST /chat/completions` (CreateChatCompletionResponse and
 * CreateChatCompletionStreamResponse in the spec). Snake_case, as the API sends them; enums the
 * API may extend are open.
 */

/** Token usage of a completion. */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number; audio_tokens?: number; [key: string]: unknown };
  completion_tokens_details?: { reasoning_tokens?: number; audio_tokens?: number; accepted_prediction_tokens?: number; rejected_prediction_tokens?: number; [key: string]: unknown };
}

/** Why a choice stopped. */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call' | (string & {});

/** A tool call the model made. */
export interface ChatCompletionMessageToolCall {
  id: string;
  type: 'function' | 'custom';
  function: { name: string; arguments: string };
}

/** Log probabilities of one token. */
export interface ChatCompletionTokenLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
  top_logprobs: Array<{ token: string; logprob: number; bytes: number[] | null }>;
}

/** The assistant's message in a completion. */
export interface ChatCompletionMessage {
  role: 'assistant';
  content: string | null;
  refusal: string | null;
  tool_calls?: ChatCompletionMessageToolCall[];
  annotations?: Array<{ type: 'url_citation'; url_citation: { start_index: number; end_index: number; url: string; title: string } }>;
  audio?: { id: string; expires_at: number; data: string; transcript: string } | null;
  function_call?: { name: string; arguments: string };
}

/** One choice of a completion. */
export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionMessage;
  /**
   * Why the choice stopped. `null` only in a completion assembled from a stream in which no
   * chunk carried one (a compatible server that omits it): inventing `'stop'` would hide that.
   */
  finish_reason: FinishReason | null;
  logprobs: { content: ChatCompletionTokenLogprob[] | null; refusal: ChatCompletionTokenLogprob[] | null } | null;
}

/** A `chat.completion` object. */
export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: ChatCompletionChoice[];
  usage?: CompletionUsage;
  system_fingerprint?: string;
  service_tier?: string | null;
}

/** A piece of a streamed tool call; `index` says which call it continues. */
export interface ChatCompletionToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

/** A `chat.completion.chunk` object. */
export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    delta: { role?: string; content?: string | null; refusal?: string | null; tool_calls?: ChatCompletionToolCallDelta[]; function_call?: { name?: string; arguments?: string } };
    finish_reason: FinishReason | null;
    logprobs?: { content: ChatCompletionTokenLogprob[] | null; refusal: ChatCompletionTokenLogprob[] | null } | null;
  }>;
  usage?: CompletionUsage | null;
  system_fingerprint?: string;
  service_tier?: string | null;
}
