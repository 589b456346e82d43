import { reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { caught, collect, mockCore } from '../../test/helpers.js';
import { NetworkError, RateLimitError, RequestError, ResponseError, ServerError, type NamedEvent } from '../index.js';

const api = useMockApi();

interface Chunk {
  id: string;
  n: number;
}

describe('SSE streams', () => {
  it('yields typed chunks until [DONE], whatever the chunking', async () => {
    const events = Array.from({ length: 20 }, (_, n) => ({ id: 'c1', n }));
    api.on('POST', '/chat/completions', reply.sse(events, { chunkSize: 7 }));
    const stream = mockCore().stream<Chunk>('/chat/completions', { body: { stream: true } });
    expect(await collect(stream)).toEqual(events);
    expect(api.calls[0]!.headers.get('accept')).toBe('text/event-stream');
  });

  it('exposes response metadata once headers arrive', async () => {
    api.on('POST', '/chat/completions', reply.sse([{ id: 'c', n: 0 }], { headers: { 'x-request-id': 'req_stream' } }));
    const stream = mockCore().stream<Chunk>('/chat/completions', { body: {} });
    const meta = await stream.responseMeta;
    expect(meta).toMatchObject({ requestId: 'req_stream', status: 200 });
    expect(stream.meta?.requestId).toBe('req_stream');
    await collect(stream);
  });

  it('throws stream_interrupted when the body ends before [DONE], after delivering what came', async () => {
    api.on('POST', '/chat/completions', reply.sse([{ id: 'c', n: 0 }, { id: 'c', n: 1 }], { done: false }));
    const received: Chunk[] = [];
    const error = await caught<NetworkError>(async () => {
      for await (const chunk of mockCore().stream<Chunk>('/chat/completions', { body: {} })) received.push(chunk);
    });
    expect(received).toHaveLength(2);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'stream_interrupted', retryable: false });
  });

  it('accepts a clean end of body for streams that have no [DONE]', async () => {
    api.on('POST', '/runs', reply.sse([{ event: 'thread.run.created', data: { id: 'run_1' } }, { event: 'thread.run.completed', data: { id: 'run_1' } }], { done: false }));
    const stream = mockCore().stream<NamedEvent<{ id: string }>>('/runs', { body: {}, mode: 'event', terminal: 'eof' });
    expect(await collect(stream)).toEqual([
      { event: 'thread.run.created', data: { id: 'run_1' } },
      { event: 'thread.run.completed', data: { id: 'run_1' } },
    ]);
  });

  it('turns an `event: error` into a typed API error', async () => {
    api.on('POST', '/chat/completions', reply.sse([{ id: 'c', n: 0 }, { event: 'error', data: { error: { message: 'The server had an error', type: 'server_error' } } }], { done: false }));
    const error = await caught<ServerError>(() => collect(mockCore().stream('/chat/completions', { body: {} })));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toContain('The server had an error');
    expect(error.requestId).toBe('req_mock');
  });

  it('turns a data payload {"error": ...} into a typed API error', async () => {
    api.on('POST', '/chat/completions', reply.sse([{ error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }]));
    const error = await caught<RateLimitError>(() => collect(mockCore().stream('/chat/completions', { body: {} })));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ kind: 'too_many_requests', code: 'rate_limit_exceeded' });
  });

  it('throws a typed invalid_json error for a malformed event', async () => {
    api.on('POST', '/chat/completions', reply.sse([{ raw: 'data: {"id": "c", "n": \n\n' }]));
    expect(await caught(() => collect(mockCore().stream('/chat/completions', { body: {} })))).toBeInstanceOf(ResponseError);
  });

  it('throws stream_interrupted when the connection breaks mid-stream', async () => {
    api.on('POST', '/chat/completions', reply.resetMidBody('data: {"id":"c","n":0}\n\ndata: {"id":', { contentType: 'text/event-stream' }));
    const received: unknown[] = [];
    const error = await caught<NetworkError>(async () => {
      for await (const chunk of mockCore().stream('/chat/completions', { body: {} })) received.push(chunk);
    });
    expect(received).toHaveLength(1);
    expect(error).toMatchObject({ category: 'network', kind: 'stream_interrupted' });
  });

  it('raises an HTTP error of a stream request as the typed error, not as a stream', async () => {
    api.on('POST', '/chat/completions', reply.error(429, { message: 'slow down' }));
    expect(await caught(() => collect(mockCore().stream('/chat/completions', { body: {} })))).toBeInstanceOf(RateLimitError);
  });

  it('refuses a JSON answer where a stream was asked for', async () => {
    api.on('POST', '/chat/completions', reply.json({ id: 'not-a-stream' }));
    expect(await caught(() => collect(mockCore().stream('/chat/completions', { body: {} })))).toMatchObject({ kind: 'unexpected_content_type' });
  });

  it('ends with kind aborted when stream.abort() is called mid-stream', async () => {
    api.on('POST', '/chat/completions', reply.stallMidBody('data: {"id":"c","n":0}\n\n'));
    const stream = mockCore().stream<Chunk>('/chat/completions', { body: {} });
    const error = await caught<RequestError>(async () => {
      for await (const _chunk of stream) stream.abort();
    });
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('aborted');
  });

  it('ends with kind aborted when the caller signal aborts mid-stream', async () => {
    api.on('POST', '/chat/completions', reply.stallMidBody('data: {"id":"c","n":0}\n\n'));
    const controller = new AbortController();
    const stream = mockCore().stream<Chunk>('/chat/completions', { body: {} }, { signal: controller.signal });
    const error = await caught<RequestError>(async () => {
      for await (const _chunk of stream) controller.abort();
    });
    expect(error.kind).toBe('aborted');
  });

  it('can be iterated only once', async () => {
    api.on('POST', '/chat/completions', reply.sse([{ id: 'c', n: 0 }]));
    const stream = mockCore().stream<Chunk>('/chat/completions', { body: {} });
    await collect(stream);
    const again = stream[Symbol.asyncIterator]();
    await expect(again.next()).rejects.toBeInstanceOf(RequestError);
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({ kind: 'stream_consumed' });
  });

  it('does not raise an unhandled rejection when a failed stream is never read', async () => {
    api.on('POST', '/chat/completions', reply.error(500, { message: 'boom' }));
    const stream = mockCore().stream('/chat/completions', { body: {} });
    await expect(stream.responseMeta).rejects.toBeInstanceOf(ServerError);
  });
});
