/**
 * A streamed chat completion: async-iterable typed chunks, `abort()`, response metadata, the
 * assembled final completion, and a text-only view. Started at once; read it once. The
 * iteration, abort and final-result rules are core's `FinalResultStream`, shared with the image
 * and audio streams; this adds the assembler and the chat-shaped helpers.
 */
import { FinalResultStream, type SseStream } from '@integrations/openai-core';
import type { ChatCompletion, ChatCompletionChunk } from './chat-types.js';
import { CompletionAssembler } from './completion-assembler.js';

/**
 * The result of `createStream`.
 *
 * @example
 * const stream = chat.createStream({ model: 'gpt-4o-mini', messages });
 * for await (const text of stream.textStream()) process.stdout.write(text);
 * const completion = await stream.finalChatCompletion(); // usage, tool calls, finish reasons
 */
export class ChatCompletionStream extends FinalResultStream<ChatCompletionChunk, ChatCompletion> {
  constructor(source: SseStream<ChatCompletionChunk>) {
    const assembler = new CompletionAssembler();
    super(source, {
      take: (chunk) => {
        assembler.add(chunk);
        return chunk;
      },
      finish: () => assembler.result(),
      whenStopped: 'there is no final completion',
    });
  }

  /** Only the text: each content delta of the first choice. */
  async *textStream(): AsyncGenerator<string> {
    for await (const chunk of this) {
      const text = chunk.choices[0]?.delta.content;
      if (text) yield text;
    }
  }

  /** The whole completion (content, refusal, tool calls, usage, finish reasons), reading the rest of the stream if needed. */
  finalChatCompletion(): Promise<ChatCompletion> {
    return this.result();
  }

  /** The final text of the first choice. */
  async finalContent(): Promise<string | null> {
    return (await this.finalChatCompletion()).choices[0]?.message.content ?? null;
  }
}
