/** An `SseStream`'s life: idle limits, aborts, early exits, and letting go of the request and the caller's signal. */
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caught } from '../../test/helpers.js';
import { ApiKey } from '../config/api-key.js';
import type { NetworkError } from '../errors/errors.js';
import { DRAIN_LIMIT_MS } from './drain-after-done.js';
import { SseStream, type SseStreamOptions } from './sse-stream.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const KEY = new ApiKey('sk-test-SECRET-1234567890');
const META = { requestId: 'req_sse', status: 200, headers: {}, rateLimit: {}, attempts: 1, durationMs: 5 };

/** A stream over a body the test writes to; records the request's signal and the body's cancel. */
function liveStream(options: Partial<SseStreamOptions> = {}) {
  let write!: ReadableStreamDefaultController<Uint8Array>;
  const cancel = vi.fn();
  const body = new ReadableStream<Uint8Array>({ start: (controller) => void (write = controller), cancel });
  const requests: AbortSignal[] = [];
  const stream = new SseStream<unknown>({
    start: async (signal) => {
      requests.push(signal);
      // As fetch does: aborting the request errors its body.
      signal.addEventListener('abort', () => write.error(new DOMException('This operation was aborted', 'AbortError')));
      return { response: new Response(body), meta: META };
    },
    apiKey: KEY,
    ...options,
  });
  return { stream, cancel, requests, push: (text: string) => write.enqueue(new TextEncoder().encode(text)), end: () => write.close() };
}

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('the idle limit while reading', () => {
  it('ends a silent stream with a stream_idle timeout carrying the limit and the request id', async () => {
    const live = liveStream({ idleTimeoutMs: 100 });
    const iterator = live.stream[Symbol.asyncIterator]();
    const pending = caught<NetworkError>(() => iterator.next());
    await vi.advanceTimersByTimeAsync(100);
    const error = await pending;
    expect(error).toMatchObject({ category: 'network', kind: 'timeout', timeoutKind: 'stream_idle', retryable: false, requestId: 'req_sse' });
    expect(error.message).toBe('The stream was idle for 100 ms (option "streamIdleTimeout").');
    expect(live.requests[0]!.aborted).toBe(true);
  });

  it('counts only the time a read waits, not the time the caller spends between reads', async () => {
    const live = liveStream({ idleTimeoutMs: 100 });
    const iterator = live.stream[Symbol.asyncIterator]();
    live.push('data: 1\n\n');
    expect(await iterator.next()).toEqual({ value: 1, done: false });
    await vi.advanceTimersByTimeAsync(80); // the caller is busy
    const next = iterator.next();
    await vi.advanceTimersByTimeAsync(60); // 140 ms since the last chunk, 60 ms of waiting
    live.push('data: 2\n\n');
    expect(await next).toEqual({ value: 2, done: false });
  });

  it('does not time out a caller that pauses longer than the limit between reads', async () => {
    const live = liveStream({ idleTimeoutMs: 100 });
    const iterator = live.stream[Symbol.asyncIterator]();
    live.push('data: 1\n\n');
    expect(await iterator.next()).toEqual({ value: 1, done: false });
    await vi.advanceTimersByTimeAsync(150); // the caller is busy for longer than the limit
    live.push('data: 2\n\n');
    expect(await iterator.next()).toEqual({ value: 2, done: false });
    expect(live.requests[0]!.aborted).toBe(false);
  });

  it('times a read from when it started, even when an earlier timer is still running', async () => {
    const live = liveStream({ idleTimeoutMs: 100 });
    const iterator = live.stream[Symbol.asyncIterator]();
    const first = iterator.next();
    await vi.advanceTimersByTimeAsync(90);
    live.push('data: 1\n\n');
    await first;
    const second = iterator.next();
    await vi.advanceTimersByTimeAsync(99);
    live.push(': still here\n\n');
    await vi.advanceTimersByTimeAsync(99);
    live.push('data: 2\n\n');
    expect(await second).toEqual({ value: 2, done: false });
  });

  it('waits as long as it takes without an idle limit', async () => {
    const live = liveStream();
    const iterator = live.stream[Symbol.asyncIterator]();
    const next = iterator.next();
    await vi.advanceTimersByTimeAsync(600_000);
    live.push('data: 1\n\n');
    expect(await next).toEqual({ value: 1, done: false });
  });
});

describe('the idle limit before anyone reads', () => {
  it('cancels a stream nobody reads, and tells a late reader why', async () => {
    const caller = new AbortController();
    const live = liveStream({ idleTimeoutMs: 100, signal: caller.signal });
    await vi.advanceTimersByTimeAsync(100);
    expect(live.requests[0]!.aborted).toBe(true);
    expect(live.cancel).toHaveBeenCalledOnce();
    expect(abortListeners(caller.signal)).toBe(0);
    const error = await caught<NetworkError>(() => live.stream[Symbol.asyncIterator]().next());
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
    expect(error.message).toBe('The stream was idle for 100 ms while nobody read it (option "streamIdleTimeout").');
  });

  it('leaves alone a stream whose reading began before the headers', async () => {
    let answer!: () => void;
    const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode('data: 1\n\n')) });
    const requests: AbortSignal[] = [];
    const stream = new SseStream({
      start: (signal) => new Promise((resolve) => {
        requests.push(signal);
        answer = () => resolve({ response: new Response(body), meta: META });
      }),
      apiKey: KEY, idleTimeoutMs: 100,
    });
    const iterator = stream[Symbol.asyncIterator]();
    const first = iterator.next();
    await vi.advanceTimersByTimeAsync(0);
    answer();
    expect(await first).toEqual({ value: 1, done: false });
    await vi.advanceTimersByTimeAsync(50);
    expect(requests[0]!.aborted).toBe(false);
  });

  it('stops the unread clock when reading begins', async () => {
    const live = liveStream({ idleTimeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(60);
    const iterator = live.stream[Symbol.asyncIterator]();
    const next = iterator.next();
    await vi.advanceTimersByTimeAsync(60); // 120 ms after the headers, 60 ms into the read
    live.push('data: 1\n\n');
    expect(await next).toEqual({ value: 1, done: false });
  });

  it('times out an unread stream whose response has no body', async () => {
    const stream = new SseStream({ start: async () => ({ response: new Response(null), meta: META }), apiKey: KEY, idleTimeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect(await caught(() => stream[Symbol.asyncIterator]().next())).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
  });

  it('keeps an unread stream open when there is no idle limit', async () => {
    const live = liveStream();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(live.requests[0]!.aborted).toBe(false);
    expect(live.cancel).not.toHaveBeenCalled();
  });
});

describe('aborting and leaving early', () => {
  it('ends a waiting read with a typed Stream abort on abort(), passing the reason to the request', async () => {
    const live = liveStream();
    const iterator = live.stream[Symbol.asyncIterator]();
    const pending = caught(() => iterator.next());
    await vi.advanceTimersByTimeAsync(0);
    live.stream.abort('user left');
    expect(await pending).toMatchObject({ category: 'request', kind: 'aborted' });
    expect(live.stream.signal.reason).toBe('user left');
  });

  it('ends with a Stream abort when the abort lands between a chunk and its events', async () => {
    const live = liveStream();
    const iterator = live.stream[Symbol.asyncIterator]();
    const pending = caught(() => iterator.next());
    await vi.advanceTimersByTimeAsync(0);
    live.push('data: 1\n\n');
    live.stream.abort();
    expect(await pending).toMatchObject({ kind: 'aborted', message: 'Stream was aborted by the caller.' });
  });

  it('cancels the request and the caller link when the loop is left early', async () => {
    const caller = new AbortController();
    const live = liveStream({ signal: caller.signal });
    live.push('data: 1\n\ndata: 2\n\n');
    for await (const item of live.stream) {
      expect(item).toBe(1);
      break;
    }
    expect(live.requests[0]!.aborted).toBe(true);
    expect(abortListeners(caller.signal)).toBe(0);
  });

  it('does not abort a request that finished: its loop ends with the body, which is read to its end, not cancelled', async () => {
    const caller = new AbortController();
    const live = liveStream({ signal: caller.signal });
    live.push('data: 1\n\ndata: [DONE]\n\n');
    const items: unknown[] = [];
    let over = false;
    const loop = (async () => {
      for await (const item of live.stream) items.push(item);
      over = true;
    })();
    await vi.advanceTimersByTimeAsync(0);
    expect(items).toEqual([1]);
    expect(over).toBe(false); // [DONE] came, the end of the body has not: the connection is still busy
    live.push('data: ignored\n\n');
    live.end();
    await loop;
    expect(items).toEqual([1]);
    expect(live.requests[0]!.aborted).toBe(false);
    expect(live.cancel).not.toHaveBeenCalled();
    expect(abortListeners(caller.signal)).toBe(0);
  });

  it('ends the loop of a finished stream whose body goes on after [DONE] at the drain limit, cancelling the body', async () => {
    const live = liveStream();
    live.push('data: 1\n\ndata: [DONE]\n\n');
    let over = false;
    const loop = (async () => {
      for await (const item of live.stream) expect(item).toBe(1);
      over = true;
    })();
    await vi.advanceTimersByTimeAsync(DRAIN_LIMIT_MS - 1);
    live.push('data: 2\n\n');
    await vi.advanceTimersByTimeAsync(0);
    expect(over).toBe(false);
    expect(live.cancel).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await loop;
    expect(live.cancel).toHaveBeenCalledOnce();
    expect(live.requests[0]!.aborted).toBe(false);
  });

  it('hands out nothing when the caller signal was aborted before the stream started, even from a start that ignores it', async () => {
    const caller = new AbortController();
    caller.abort();
    const response = new Response('data: 1\n\ndata: [DONE]\n\n');
    const stream = new SseStream<unknown>({ start: async () => ({ response, meta: META }), apiKey: KEY, signal: caller.signal });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('ends at once, with a typed abort, when aborted with decoded events still waiting', async () => {
    const live = liveStream();
    live.push('data: 1\n\ndata: 2\n\ndata: 3\n\ndata: [DONE]\n\n');
    const iterator = live.stream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 1, done: false });
    live.stream.abort();
    await expect(iterator.next()).rejects.toMatchObject({ kind: 'aborted' });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('lets go of the caller when the request fails to start', async () => {
    const caller = new AbortController();
    const stream = new SseStream({ start: () => Promise.reject(new Error('refused')), apiKey: KEY, signal: caller.signal });
    await caught(() => stream.responseMeta);
    expect(abortListeners(caller.signal)).toBe(0);
  });

  it('ends an eof stream cleanly and lets go of the caller', async () => {
    const caller = new AbortController();
    const live = liveStream({ signal: caller.signal, terminal: 'eof', idleTimeoutMs: 100 });
    live.push('data: 1\n\n');
    live.end();
    const items: unknown[] = [];
    for await (const item of live.stream) items.push(item);
    expect(items).toEqual([1]);
    expect(abortListeners(caller.signal)).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(live.requests[0]!.aborted).toBe(false);
  });
});
