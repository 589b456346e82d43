import { NetworkError, RequestError } from '@integrations/openai-core';
import { describe, expect, it } from 'vitest';
import { caught, mockChat, useMockOpenAI } from '../../test/helpers.js';

const mock = useMockOpenAI();
const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'stream this please' }] };

describe('chat.createStream', () => {
  it('yields typed chunks and assembles the final completion with usage', async () => {
    const stream = mockChat().createStream({ ...params, stream_options: { include_usage: true } });
    const deltas: string[] = [];
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      deltas.push(chunk.choices[0]?.delta.content ?? '');
    }
    const completion = await stream.finalChatCompletion();
    expect(deltas.join('')).toBe('You said: stream this please');
    expect(completion.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'You said: stream this please', refusal: null } });
    expect(completion.usage!.total_tokens).toBeGreaterThan(0);
    expect(mock.requests[0]!.json).toMatchObject({ stream: true });
    expect((await stream.responseMeta).requestId).toBe('req_mock_0');
  });

  it('gives just the text through textStream()', async () => {
    let text = '';
    for await (const piece of mockChat().createStream(params).textStream()) text += piece;
    expect(text).toBe('You said: stream this please');
  });

  it('reads the whole stream for finalChatCompletion() when nobody iterated', async () => {
    mock.chat.reply({ refusal: 'I cannot do that.' });
    const completion = await mockChat().createStream(params).finalChatCompletion();
    expect(completion.choices[0]!.message).toMatchObject({ content: null, refusal: 'I cannot do that.' });
  });

  it('ends with kind aborted when abort() is called mid-stream', async () => {
    const stream = mockChat().createStream(params);
    const error = await caught<RequestError>(async () => {
      for await (const _chunk of stream) stream.abort();
    });
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('aborted');
    await expect(stream.finalChatCompletion()).rejects.toThrow();
  });

  it('reports a stream cut mid-way as stream_interrupted, after the chunks that came', async () => {
    mock.faults.next({ streamCut: 'reset', afterEvents: 3 });
    const seen: unknown[] = [];
    const error = await caught(async () => {
      for await (const chunk of mockChat().createStream(params)) seen.push(chunk);
    });
    expect(seen).toHaveLength(3);
    expect(error).toBeInstanceOf(NetworkError);
  });
});
