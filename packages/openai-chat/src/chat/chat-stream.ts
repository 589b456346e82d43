/**
 * A streamed chat completion: async-iterable typed chunks, `abort()`, response metadata, the
 * assembled final completion, and a text-only view. Started at once; read it once.
 */
import { RequestError, type ResponseMeta, type SseStream } from '@integrations/openai-core';
import { attachResponseMeta } from '@integrations/openai-core/internal';
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
export class ChatCompletionStream implements AsyncIterable<ChatCompletionChunk> {
  readonly #source: SseStream<ChatCompletionChunk>;
  readonly #assembler = new CompletionAssembler();
  readonly #final: Promise<ChatCompletion>;
  #settle!: { resolve(completion: ChatCompletion): void; reject(error: unknown): void };
  #started = false;

  constructor(source: SseStream<ChatCompletionChunk>) {
    this.#source = source;
    this.#final = new Promise<ChatCompletion>((resolve, reject) => (this.#settle = { resolve, reject }));
    this.#final.catch(() => undefined); // read through finalChatCompletion(); never unhandled
  }

  /** Resolves once headers arrive. */
  get responseMeta(): Promise<ResponseMeta> {
    return this.#source.responseMeta;
  }

  /** The metadata, once headers have arrived. */
  get meta(): ResponseMeta | undefined {
    return this.#source.meta;
  }

  /** Aborts the request; iteration ends with a typed `aborted` error. */
  abort(reason?: unknown): void {
    this.#source.abort(reason);
  }

  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    this.#started = true;
    // A thin iterator over the source's, not an async generator: each chunk is assembled as it
    // passes, with no generator resumed per chunk.
    const source = this.#source[Symbol.asyncIterator]();
    let ended = false;
    const end = (failed: boolean, error?: unknown) => {
      if (ended) return;
      ended = true;
      if (failed) this.#settle.reject(error);
      else {
        // `getResponseMeta(await stream.finalChatCompletion())` works as for `create()`.
        const meta = this.#source.meta;
        const result = this.#assembler.result();
        this.#settle.resolve(meta ? attachResponseMeta(result, meta) : result);
      }
    };
    return {
      next: () =>
        source.next().then(
          (step) => {
            if (step.done) end(false);
            else {
              try {
                this.#assembler.add(step.value);
              } catch (error) {
                // A chunk the assembler cannot take ends the stream, and the final completion, with its error.
                end(true, error);
                void source.return?.();
                throw error;
              }
            }
            return step;
          },
          (error: unknown) => {
            end(true, error);
            throw error;
          },
        ),
      return: () => {
        // The caller stopped early (a `break`, or `return()`): there is no final completion.
        end(true, new RequestError({ kind: 'aborted', message: 'The stream was stopped before it finished (the loop broke out early), so there is no final completion.' }));
        return source.return ? source.return() : Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  /** Only the text: each content delta of the first choice. */
  async *textStream(): AsyncGenerator<string> {
    for await (const chunk of this) {
      const text = chunk.choices[0]?.delta.content;
      if (text) yield text;
    }
  }

  /** The whole completion (content, refusal, tool calls, usage, finish reasons), reading the rest of the stream if needed. */
  async finalChatCompletion(): Promise<ChatCompletion> {
    if (!this.#started) for await (const _chunk of this) { /* assemble */ }
    return this.#final;
  }

  /** The final text of the first choice. */
  async finalContent(): Promise<string | null> {
    return (await this.finalChatCompletion()).choices[0]?.message.content ?? null;
  }
}
