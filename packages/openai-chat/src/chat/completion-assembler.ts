/**
 * Folds streamed chunks into the `chat.completion` they add up to: content and refusal joined,
 * tool-call arguments joined per index, logprobs appended, finish reasons and usage kept
 * (a choice no chunk gave a finish reason keeps `null`).
 */
import { ResponseError } from '@integrations/openai-core';
import type { ChatCompletion, ChatCompletionChoice, ChatCompletionChunk, ChatCompletionMessageToolCall, FinishReason } from './chat-types.js';

/**
 * An index from the stream, checked: used as a key it must be a small whole number, never
 * `__proto__` (which would write onto Object.prototype) or 4294967294 (a sparse array whose
 * `filter` blocks the event loop for minutes).
 */
function checkedIndex(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new ResponseError({ kind: 'invalid_response', message: `A stream chunk carried an invalid ${what} index: ${JSON.stringify(value)}.` });
}

interface ChoiceState {
  content: string | null;
  refusal: string | null;
  /** By the stream's tool-call index; a Map, so no index can reach a prototype or make a sparse array. */
  toolCalls: Map<number, ChatCompletionMessageToolCall>;
  finishReason: FinishReason | null;
  logprobs: ChatCompletionChoice['logprobs'];
}

/**
 * Collects chunks; `result()` gives the completion so far.
 *
 * @example
 * const assembler = new CompletionAssembler();
 * for await (const chunk of stream) assembler.add(chunk);
 * const completion = assembler.result();
 */
export class CompletionAssembler {
  #head: Pick<ChatCompletionChunk, 'id' | 'created' | 'model' | 'system_fingerprint' | 'service_tier'> | undefined;
  #usage: ChatCompletion['usage'];
  readonly #choices = new Map<number, ChoiceState>();

  add(chunk: ChatCompletionChunk): void {
    this.#head ??= { id: chunk.id, created: chunk.created, model: chunk.model, system_fingerprint: chunk.system_fingerprint, service_tier: chunk.service_tier };
    if (chunk.usage) this.#usage = chunk.usage;
    for (const choice of chunk.choices) {
      const choiceIndex = checkedIndex(choice.index, 'choice');
      let state = this.#choices.get(choiceIndex);
      if (!state) {
        state = { content: null, refusal: null, toolCalls: new Map(), finishReason: null, logprobs: null };
        this.#choices.set(choiceIndex, state);
      }
      // Per event, so nothing is allocated for what a chunk does not carry (no `?? []`, no `?? {}`).
      const delta = choice.delta;
      if (delta !== undefined && delta !== null) this.#addDelta(state, delta);
      if (choice.logprobs) {
        state.logprobs ??= { content: null, refusal: null };
        // Appended in place: copying the whole list per chunk would be quadratic in the stream.
        if (choice.logprobs.content) (state.logprobs.content ??= []).push(...choice.logprobs.content);
        if (choice.logprobs.refusal) (state.logprobs.refusal ??= []).push(...choice.logprobs.refusal);
      }
      if (choice.finish_reason) state.finishReason = choice.finish_reason;
    }
  }

  #addDelta(state: ChoiceState, delta: ChatCompletionChunk['choices'][number]['delta']): void {
    if (typeof delta.content === 'string') state.content = (state.content ?? '') + delta.content;
    if (typeof delta.refusal === 'string') state.refusal = (state.refusal ?? '') + delta.refusal;
    if (delta.tool_calls === undefined || delta.tool_calls === null) return;
    for (const call of delta.tool_calls) {
      const callIndex = checkedIndex(call.index, 'tool call');
      let existing = state.toolCalls.get(callIndex);
      if (!existing) {
        existing = { id: '', type: 'function', function: { name: '', arguments: '' } };
        state.toolCalls.set(callIndex, existing);
      }
      if (call.id) existing.id = call.id;
      if (call.type) existing.type = call.type;
      if (call.function?.name) existing.function.name += call.function.name;
      if (call.function?.arguments) existing.function.arguments += call.function.arguments;
    }
  }

  /** The completion assembled from every chunk added so far. */
  result(): ChatCompletion {
    const choices = [...this.#choices.entries()].sort(([a], [b]) => a - b).map(([index, state]): ChatCompletionChoice => ({
      index,
      message: {
        role: 'assistant',
        content: state.content,
        refusal: state.refusal,
        ...(state.toolCalls.size > 0 ? { tool_calls: [...state.toolCalls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call) } : {}),
      },
      // No chunk said why the choice stopped: report that, rather than guess 'stop'.
      finish_reason: state.finishReason,
      logprobs: state.logprobs,
    }));
    const completion: ChatCompletion = {
      id: this.#head?.id ?? '',
      object: 'chat.completion',
      created: this.#head?.created ?? 0,
      model: this.#head?.model ?? '',
      choices,
    };
    if (this.#usage) completion.usage = this.#usage;
    if (this.#head?.system_fingerprint) completion.system_fingerprint = this.#head.system_fingerprint;
    if (this.#head?.service_tier !== undefined) completion.service_tier = this.#head.service_tier;
    return completion;
  }
}
