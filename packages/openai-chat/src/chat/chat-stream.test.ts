import { getResponseMeta, NetworkError, RequestError } from '@integrations/openai-core';
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
    expect(getResponseMeta(completion)).toMatchObject({ requestId: 'req_mock_0', status: 200, attempts: 1 });
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

  it('keeps finish_reason null when no chunk of the stream carried one', async () => {
    const chunk = (content: string) => ({ id: 'chatcmpl-x', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, delta: { content }, finish_reason: null }] });
    mock.faults.next({ path: '/chat/completions', sse: [chunk('Hel'), chunk('lo')] });
    const completion = await mockChat().createStream(params).finalChatCompletion();
    expect(completion.choices[0]).toMatchObject({ message: { content: 'Hello' } });
    expect(completion.choices[0]!.finish_reason).toBeNull();
  });

  it('ends with kind aborted when abort() is called mid-stream', async () => {
    const stream = mockChat().createStream(params);
    const error = await caught<RequestError>(async () => {
      for await (const _chunk of stream) stream.abort();
    });
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('aborted');
    const final = await caught(() => stream.finalChatCompletion());
    expect(RequestError.isInstance(final)).toBe(true);
    expect((final as unknown as RequestError).kind).toBe('aborted');
  });

  it('rejects finalChatCompletion() with a typed aborted error after the caller broke out of the loop', async () => {
    const stream = mockChat().createStream(params);
    for await (const _chunk of stream) break;
    const error = await caught<RequestError>(() => stream.finalChatCompletion());
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('aborted');
    expect(error.message).toMatch(/stopped before it finished/);
  });

  it('says the stream was already read when a helper is called after a full read', async () => {
    const stream = mockChat().createStream(params);
    for await (const _chunk of stream) { /* read it all */ }
    const error = await caught<RequestError>(async () => {
      for await (const _text of stream.textStream()) { /* second read */ }
    });
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('stream_consumed');
    expect(error.message).toMatch(/only once/);
  });

  it('returns a stream for bad params and fails its first read with a validation error', async () => {
    const stream = mockChat().createStream({ model: 'x', messages: 'hi' } as never);
    const first = await caught<RequestError>(() => stream[Symbol.asyncIterator]().next());
    expect(first.kind).toBe('validation');
    await expect(stream.finalChatCompletion()).rejects.toMatchObject({ kind: 'validation' });
    expect(mock.requests).toHaveLength(0);
  });

  it('reports a stream cut mid-way as stream_interrupted, after the chunks that came', async () => {
    mock.faults.next({ streamCut: 'reset', afterEvents: 3 });
    const seen: unknown[] = [];
    const error = await caught<NetworkError>(async () => {
      for await (const chunk of mockChat().createStream(params)) seen.push(chunk);
    });
    expect(seen).toHaveLength(3);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.kind).toBe('stream_interrupted');
  });
});
