import { RequestError, ResponseError } from '@integrations/openai-core';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { caught, mockChat, useMockOpenAI } from '../../test/helpers.js';
import { zodFunction } from '../index.js';

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

  it('stops after maxRounds with a typed error', async () => {
    const loop = zodFunction({ name: 'again', parameters: z.object({}), function: () => 'again' });
    mock.chat.reply(...Array.from({ length: 5 }, () => ({ toolCalls: [{ name: 'again', arguments: {} }] })));
    const error = await caught<ResponseError>(() => mockChat().runTools({ ...ask, tools: [loop] }, { maxRounds: 3 }));
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.kind).toBe('too_many_tool_rounds');
    expect(mock.requests).toHaveLength(3);
  });

  it('stops at once with kind aborted when the signal aborts during a tool', async () => {
    const controller = new AbortController();
    const slow = zodFunction({
      name: 'slow', parameters: z.object({}),
      function: (_args, { signal }) => new Promise((_, reject) => signal!.addEventListener('abort', () => reject(new Error('stopped')))),
    });
    mock.chat.reply({ toolCalls: [{ name: 'slow', arguments: {} }] }, 'never reached');
    setTimeout(() => controller.abort(), 30);
    const error = await caught<RequestError>(() => mockChat().runTools({ ...ask, tools: [slow] }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('aborted');
    expect(mock.requests).toHaveLength(1);
  });
});
