/** What an `SseStream` yields and throws for the events it reads. */
import { describe, expect, it, vi } from 'vitest';
import { caught, collect } from '../../test/helpers.js';
import { ApiKey } from '../config/api-key.js';
import type { ServerSentEvent } from './sse-decoder.js';
import { SseStream, type SseStreamOptions } from './sse-stream.js';

const KEY = new ApiKey('sk-test-SECRET-1234567890');
const META = { requestId: 'req_sse', status: 200, headers: {}, rateLimit: {}, attempts: 1, durationMs: 5 };

/** A stream over a body that sends `chunks` and closes. */
function streamOf<T = unknown>(chunks: string[], options: Partial<SseStreamOptions> = {}) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new SseStream<T>({ start: async () => ({ response: new Response(body), meta: META }), apiKey: KEY, ...options });
}

describe('what a stream yields', () => {
  it('yields each event with its name in event mode, "message" when unnamed', async () => {
    const stream = streamOf(['event: thread.created\ndata: {"id":1}\n\ndata: {"id":2}\n\n'], { mode: 'event', terminal: 'eof' });
    expect(await collect(stream)).toEqual([{ event: 'thread.created', data: { id: 1 } }, { event: 'message', data: { id: 2 } }]);
  });

  it('tells onEvent of each delivered event, and not of [DONE]', async () => {
    const seen: ServerSentEvent[] = [];
    const stream = streamOf(['data: 1\n\ndata: 2\n\ndata: [DONE]\n\n'], { onEvent: (event) => seen.push(event) });
    expect(await collect(stream)).toEqual([1, 2]);
    expect(seen.map((event) => event.data)).toEqual(['1', '2']);
  });

  it('stops at [DONE] even when more events follow in the same chunk', async () => {
    expect(await collect(streamOf(['data: 1\n\ndata: [DONE]\n\ndata: 3\n\n']))).toEqual([1]);
  });

  it('delivers JSON null as an item', async () => {
    expect(await collect(streamOf(['data: null\n\ndata: [DONE]\n\n']))).toEqual([null]);
  });

  it('delivers a payload whose error field is null as data', async () => {
    expect(await collect(streamOf(['data: {"error":null,"n":1}\n\ndata: [DONE]\n\n']))).toEqual([{ error: null, n: 1 }]);
  });
});

describe('how a stream ends badly', () => {
  it('says the body ended before [DONE], with the request id, not retryable', async () => {
    const error = await caught(() => collect(streamOf(['data: 1\n\n'])));
    expect(error).toMatchObject({ category: 'network', kind: 'stream_interrupted', retryable: false, requestId: 'req_sse', message: 'The event stream was cut off: the body ended before [DONE].' });
  });

  it('says so when the response had no body', async () => {
    const stream = new SseStream({ start: async () => ({ response: new Response(null), meta: META }), apiKey: KEY });
    expect(await caught(() => collect(stream))).toMatchObject({ kind: 'stream_interrupted', message: 'The event stream was cut off: the response had no body.' });
  });

  it('quotes a malformed event, redacted and cut to 200 characters, in an invalid_json error', async () => {
    const error = await caught(() => collect(streamOf([`data: {sk-test-SECRET-1234567890 ${'x'.repeat(300)}\n\n`])));
    expect(error).toMatchObject({ category: 'response', kind: 'invalid_json', requestId: 'req_sse' });
    expect(error.message).toBe(`A stream event was not valid JSON: ${JSON.stringify(`{[REDACTED] ${'x'.repeat(300)}`.slice(0, 200))}`);
  });

  it('turns an error event with plain-text data into a typed error carrying that text', async () => {
    const error = await caught(() => collect(streamOf(['event: error\ndata: upstream overloaded\n\n'])));
    expect(error).toMatchObject({ category: 'server', kind: 'server_error', requestId: 'req_sse', message: 'Stream error: upstream overloaded' });
  });

  it('turns an error event with a JSON string into a typed error carrying that string', async () => {
    const error = await caught(() => collect(streamOf(['event: error\ndata: "overloaded"\n\n'])));
    expect(error.message).toBe('Stream error: overloaded');
  });

  it('reads an error event whose data is the error object itself', async () => {
    const error = await caught(() => collect(streamOf(['event: error\ndata: {"message":"slow down","code":"rate_limit_exceeded"}\n\n'])));
    expect(error).toMatchObject({ category: 'rate_limit', code: 'rate_limit_exceeded', message: 'Stream error: slow down' });
  });

  it('cancels the request when an error event comes after others in the same chunk', async () => {
    let requestSignal!: AbortSignal;
    const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode('data: 1\n\nevent: error\ndata: boom\n\n')) });
    const stream = new SseStream({ start: async (signal) => ((requestSignal = signal), { response: new Response(body), meta: META }), apiKey: KEY });
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 1, done: false });
    expect((await caught(() => iterator.next())).message).toBe('Stream error: boom');
    expect(requestSignal.aborted).toBe(true);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });
});

describe('cancelling on a bad event', () => {
  it('cancels the request when the first event read is an error event', async () => {
    let requestSignal!: AbortSignal;
    const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode('event: error\ndata: boom\n\n')) });
    const stream = new SseStream({ start: async (signal) => ((requestSignal = signal), { response: new Response(body), meta: META }), apiKey: KEY });
    expect((await caught(() => collect(stream))).message).toBe('Stream error: boom');
    expect(requestSignal.aborted).toBe(true);
  });

  it('does not abort a finished request when the iterator is returned after the end', async () => {
    let requestSignal!: AbortSignal;
    const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode('data: 1\n\ndata: [DONE]\n\n')) });
    const stream = new SseStream({ start: async (signal) => ((requestSignal = signal), { response: new Response(body), meta: META }), apiKey: KEY });
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 1, done: false });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    await iterator.return!();
    expect(requestSignal.aborted).toBe(false);
  });
});

describe('iterating', () => {
  it('fails a second iteration on its first next(), not when it is asked for', async () => {
    const stream = streamOf(['data: [DONE]\n\n']);
    await collect(stream);
    const second = stream[Symbol.asyncIterator]();
    expect(await caught(() => second.next())).toMatchObject({ category: 'request', kind: 'stream_consumed', message: 'A stream can be iterated only once; read it in a single loop.' });
  });

  it('answers next() calls made together in order', async () => {
    const iterator = streamOf(['data: 1\n\n', 'data: 2\n\n', 'data: [DONE]\n\n'])[Symbol.asyncIterator]();
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    expect(results).toEqual([{ value: 1, done: false }, { value: 2, done: false }, { value: undefined, done: true }, { value: undefined, done: true }]);
  });

  it('answers next() calls made together in order when one event fails', async () => {
    const iterator = streamOf(['data: 1\n\n', 'data: {bad\n\n'])[Symbol.asyncIterator]();
    const results = await Promise.allSettled([iterator.next(), iterator.next(), iterator.next()]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[2]).toEqual({ status: 'fulfilled', value: { value: undefined, done: true } });
  });
});

describe('SseStream.failed', () => {
  it('fails its first read and its metadata with the error', async () => {
    const error = new Error('bad input');
    const stream = SseStream.failed(error);
    expect(await caught(() => stream.responseMeta)).toBe(error);
    expect(await caught(() => collect(stream))).toBe(error);
  });

  it('takes a synchronous throw from start as a failed stream', async () => {
    const error = new Error('thrown at once');
    const stream = new SseStream({ start: () => { throw error; }, apiKey: KEY });
    expect(await caught(() => collect(stream))).toBe(error);
  });
});

describe('metadata', () => {
  it('has no metadata before the headers, then the response metadata', async () => {
    let answer!: () => void;
    const stream = new SseStream({ start: () => new Promise((resolve) => (answer = () => resolve({ response: new Response('data: [DONE]\n\n'), meta: META }))), apiKey: KEY });
    expect(stream.meta).toBeUndefined();
    await vi.waitFor(() => expect(answer).toBeDefined());
    answer();
    expect(await stream.responseMeta).toBe(META);
    expect(stream.meta).toBe(META);
  });
});
