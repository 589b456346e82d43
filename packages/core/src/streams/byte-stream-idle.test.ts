/** A byte stream's idle limit: a silent body, or one nobody reads, ends with a typed timeout. */
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caught } from '../../test/helpers.js';
import type { NetworkError } from '../errors/errors.js';
import { createByteStream } from './byte-stream.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const META = { requestId: 'req_1', status: 200, headers: {}, rateLimit: {}, attempts: 1, durationMs: 5 };

/** A body the test writes to, answered after `headersAfterMs` (0: at once). */
function bodySource(headersAfterMs = 0) {
  let write!: ReadableStreamDefaultController<Uint8Array>;
  const cancel = vi.fn();
  const body = new ReadableStream<Uint8Array>({ start: (controller) => void (write = controller), cancel });
  const start = () => new Promise<{ response: Response; meta: typeof META }>((resolve) => {
    setTimeout(() => resolve({ response: new Response(body), meta: META }), headersAfterMs);
  });
  return { start, cancel, push: (text: string) => write.enqueue(new TextEncoder().encode(text)) };
}

const text = (chunk: ReadableStreamReadResult<Uint8Array>) => new TextDecoder().decode(chunk.value);

describe('idle limit while reading', () => {
  it('ends a silent body with a stream_idle timeout that names the host, the limit and the option', async () => {
    const source = bodySource();
    const reader = createByteStream({ start: source.start, host: 'api.test', idleTimeoutMs: 100 }).getReader();
    const pending = caught<NetworkError>(() => reader.read());
    await vi.advanceTimersByTimeAsync(100);
    const error = await pending;
    expect(error).toMatchObject({ category: 'network', kind: 'timeout', timeoutKind: 'stream_idle', retryable: false });
    expect(error.message).toBe('The body from api.test sent nothing for 100 ms (option "streamIdleTimeout").');
  });

  it('times each read on its own: a consumer that pauses between reads is not timed out', async () => {
    const source = bodySource();
    const reader = createByteStream({ start: source.start, host: 'api.test', idleTimeoutMs: 100 }).getReader();
    source.push('one');
    await vi.advanceTimersByTimeAsync(0);
    expect(text(await reader.read())).toBe('one');
    await vi.advanceTimersByTimeAsync(500); // nobody reads for a while
    source.push('two');
    expect(text(await reader.read())).toBe('two');
  });

  it('waits as long as it takes when there is no idle limit', async () => {
    const source = bodySource();
    const reader = createByteStream({ start: source.start, host: 'api.test' }).getReader();
    const next = reader.read();
    await vi.advanceTimersByTimeAsync(600_000);
    source.push('late');
    expect(text(await next)).toBe('late');
  });
});

describe('idle limit before anyone reads', () => {
  it('frees a body nobody reads, and says so on the first read', async () => {
    const source = bodySource();
    const stream = createByteStream({ start: source.start, host: 'api.test', idleTimeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect(source.cancel).toHaveBeenCalledOnce();
    const error = await caught<NetworkError>(() => stream.getReader().read());
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
    expect(error.message).toBe('The body from api.test sent nothing for 100 ms while nobody read it (option "streamIdleTimeout").');
  });

  it("lets go of the caller's signal when it frees an unread body", async () => {
    const caller = new AbortController();
    createByteStream({ start: bodySource().start, host: 'api.test', idleTimeoutMs: 100, signal: caller.signal });
    await vi.advanceTimersByTimeAsync(0);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });

  it('keeps an unread body when there is no idle limit', async () => {
    const source = bodySource();
    const stream = createByteStream({ start: source.start, host: 'api.test' });
    await vi.advanceTimersByTimeAsync(600_000);
    source.push('kept');
    expect(source.cancel).not.toHaveBeenCalled();
    expect(text(await stream.getReader().read())).toBe('kept');
  });

  it('does not treat a read that began before the headers as unread', async () => {
    const source = bodySource(50);
    const reader = createByteStream({ start: source.start, host: 'api.test', idleTimeoutMs: 100 }).getReader();
    const pending = caught<NetworkError>(() => reader.read());
    await vi.advanceTimersByTimeAsync(150);
    expect((await pending).message).toBe('The body from api.test sent nothing for 100 ms (option "streamIdleTimeout").');
  });

  it('stops the unread clock at the first read', async () => {
    const source = bodySource();
    const reader = createByteStream({ start: source.start, host: 'api.test', idleTimeoutMs: 100 }).getReader();
    await vi.advanceTimersByTimeAsync(50);
    const next = reader.read();
    await vi.advanceTimersByTimeAsync(70); // 120 ms after the headers, 70 ms into the read
    source.push('in time');
    expect(text(await next)).toBe('in time');
  });
});
