/**
 * Folds streamed chunks into the `chat.completion` they add up to: content and refusal joined,
 * tool-call arguments joined per index, logprobs appended, finish reasons and usage kept
 * (a choice no chunk gave a finish reason keeps `null`).
 */
import type { ChatCompletion, ChatCompletionChoice, ChatCompletionChunk, ChatCompletionMessageToolCall, FinishReason } from './chat-types.js';

interface ChoiceState {
  content: string | null;
  refusal: string | null;
  toolCalls: ChatCompletionMessageToolCall[];
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
      let state = this.#choices.get(choice.index);
      if (!state) {
        state = { content: null, refusal: null, toolCalls: [], finishReason: null, logprobs: null };
        this.#choices.set(choice.index, state);
      }
      const delta = choice.delta ?? {};
      if (typeof delta.content === 'string') state.content = (state.content ?? '') + delta.content;
      if (typeof delta.refusal === 'string') state.refusal = (state.refusal ?? '') + delta.refusal;
      for (const call of delta.tool_calls ?? []) {
        const existing = state.toolCalls[call.index] ??= { id: '', type: 'function', function: { name: '', arguments: '' } };
        if (call.id) existing.id = call.id;
        if (call.type) existing.type = call.type;
        if (call.function?.name) existing.function.name += call.function.name;
        if (call.function?.arguments) existing.function.arguments += call.function.arguments;
      }
      if (choice.logprobs) {
        state.logprobs ??= { content: null, refusal: null };
        if (choice.logprobs.content) state.logprobs.content = [...(state.logprobs.content ?? []), ...choice.logprobs.content];
        if (choice.logprobs.refusal) state.logprobs.refusal = [...(state.logprobs.refusal ?? []), ...choice.logprobs.refusal];
      }
      if (choice.finish_reason) state.finishReason = choice.finish_reason;
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
        ...(state.toolCalls.length > 0 ? { tool_calls: state.toolCalls.filter(Boolean) } : {}),
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
