import { ConfigurationError, RequestError, ResponseError } from '@integrations/openai-core';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { caught, mockChat, useMockOpenAI } from '../../test/helpers.js';
import { zodFunction } from '../zod.js';

const mock = useMockOpenAI();
const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Weather and time in Paris?' }] };

describe('runTools', () => {
  it('feeds tool errors and bad arguments back to the model instead of failing', async () => {
    const broken = zodFunction({ name: 'broken', parameters: z.object({}), function: () => { throw new Error('backend down'); } });
    const strictArgs = zodFunction({ name: 'count', parameters: z.object({ n: z.number() }), function: ({ n }) => n + 1 });
    mock.chat.reply({ toolCalls: [{ name: 'broken', arguments: {} }, { name: 'count', arguments: { n: 'x' } }, { name: 'missing', arguments: {} }] }, 'done');
    const onToolResult = vi.fn();
    const result = await mockChat().runTools({ ...ask, tools: [broken, strictArgs] }, { onToolResult });
    const toolMessages = result.messages.filter((message) => message.role === 'tool');
    expect(toolMessages.map((message) => message.content)).toEqual([
      'Error: backend down',
      expect.stringContaining('arguments for count are invalid'),
      'Error: there is no tool named "missing".',
    ]);
    expect(onToolResult).toHaveBeenCalledTimes(3);
    expect(result.completion.choices[0]!.message.content).toBe('done');
  });

  it('refuses tools without an implementation before the first request, naming them', async () => {
    const described = zodFunction({ name: 'lookup', parameters: z.object({ id: z.string() }) });
    const plain = { type: 'function' as const, function: { name: 'raw_tool', parameters: { type: 'object', properties: {} } } };
    const error = await caught<ConfigurationError>(() => mockChat().runTools({ ...ask, tools: [described, plain] }));
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('"lookup", "raw_tool"');
    expect(mock.requests).toHaveLength(0);
  });

  it('stops after maxRounds with a typed error', async () => {
    const loop = zodFunction({ name: 'again', parameters: z.object({}), function: () => 'again' });
    mock.chat.reply(...Array.from({ length: 5 }, () => ({ toolCalls: [{ name: 'again', arguments: {} }] })));
    const error = await caught<ResponseError>(() => mockChat().runTools({ ...ask, tools: [loop] }, { maxRounds: 3 }));
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.kind).toBe('too_many_tool_rounds');
    expect(mock.requests).toHaveLength(3);
  });

  it('stops at once with kind aborted when the signal aborts during a tool that ignores it', async () => {
    const controller = new AbortController();
    let toolStarted!: (signal: AbortSignal | undefined) => void;
    const started = new Promise<AbortSignal | undefined>((resolve) => (toolStarted = resolve));
    // Never settles and never looks at its signal: only the loop itself can stop waiting.
    const stubborn = zodFunction({
      name: 'stubborn', parameters: z.object({}),
      function: (_args, { signal }) => {
        toolStarted(signal);
        return new Promise(() => undefined);
      },
    });
    mock.chat.reply({ toolCalls: [{ name: 'stubborn', arguments: {} }] }, 'never reached');
    const onToolResult = vi.fn();
    const pending = mockChat().runTools({ ...ask, tools: [stubborn] }, { signal: controller.signal, onToolResult });
    const toolSignal = await started;
    controller.abort(new Error('user left'));
    const error = await caught<RequestError>(() => pending);
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('aborted');
    expect(toolSignal?.aborted).toBe(true);
    expect(onToolResult).not.toHaveBeenCalled();
    expect(mock.requests).toHaveLength(1);
  });
});
