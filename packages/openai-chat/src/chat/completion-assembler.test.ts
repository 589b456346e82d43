import { ResponseError } from '@integrations/openai-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from './chat-types.js';
import { CompletionAssembler } from './completion-assembler.js';

const chunk = (choice: Record<string, unknown>): ChatCompletionChunk =>
  ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: {}, finish_reason: null, ...choice }] }) as unknown as ChatCompletionChunk;

describe('CompletionAssembler against hostile chunks', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).id;
    delete (Object.prototype as Record<string, unknown>).type;
  });

  it('refuses a tool-call index of "__proto__" instead of writing onto Object.prototype', () => {
    const assembler = new CompletionAssembler();
    expect(() => assembler.add(chunk({ delta: { tool_calls: [{ index: '__proto__', id: 'polluted-id', type: 'polluted-type', function: { name: 'x' } }] } }))).toThrow(ResponseError);
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });

  it('keeps a huge tool-call index as one entry (no sparse array to walk)', () => {
    const assembler = new CompletionAssembler();
    assembler.add(chunk({ delta: { tool_calls: [{ index: 4_294_967_294, id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] } }));
    expect(assembler.result().choices[0]!.message.tool_calls).toEqual([{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }]);
  });

  it('joins tool calls per index in index order', () => {
    const assembler = new CompletionAssembler();
    assembler.add(chunk({ delta: { tool_calls: [{ index: 1, id: 'b', function: { name: 'g', arguments: '{"a"' } }] } }));
    assembler.add(chunk({ delta: { tool_calls: [{ index: 0, id: 'a', function: { name: 'f', arguments: '{}' } }] } }));
    assembler.add(chunk({ delta: { tool_calls: [{ index: 1, function: { arguments: ':1}' } }] } }));
    expect(assembler.result().choices[0]!.message.tool_calls!.map((call) => [call.id, call.function.arguments])).toEqual([['a', '{}'], ['b', '{"a":1}']]);
  });

  it('refuses a negative or fractional choice index', () => {
    expect(() => new CompletionAssembler().add(chunk({ index: -1 }))).toThrow(/invalid choice index/);
    expect(() => new CompletionAssembler().add(chunk({ index: 0.5 }))).toThrow(/invalid choice index/);
  });
});
