/** How a byte stream ends: cleanly, cut off, aborted or cancelled; and that it lets go of the caller's signal. */
import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { caught } from '../../test/helpers.js';
import { RequestError, type NetworkError } from '../errors/errors.js';
import { createByteStream } from './byte-stream.js';

const META = { requestId: 'req_1', status: 200, headers: {}, rateLimit: {}, attempts: 1, durationMs: 5 };

/** A body the test writes to, answered at once; records the signal the request got. */
function bodySource() {
  let write!: ReadableStreamDefaultController<Uint8Array>;
  const cancel = vi.fn();
  const body = new ReadableStream<Uint8Array>({ start: (controller) => void (write = controller), cancel });
  const signals: AbortSignal[] = [];
  const start = async (signal: AbortSignal) => {
    signals.push(signal);
    return { response: new Response(body), meta: META };
  };
  return { start, cancel, signals, push: (text: string) => write.enqueue(new TextEncoder().encode(text)), end: () => write.close(), fail: (reason: unknown) => write.error(reason) };
}

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('a body that is cut off', () => {
  it('ends with a typed stream_interrupted error naming the host and the socket code', async () => {
    const source = bodySource();
    const reader = createByteStream({ start: source.start, host: 'api.test' }).getReader();
    source.fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const error = await caught<NetworkError>(() => reader.read());
    expect(error).toMatchObject({ category: 'network', kind: 'stream_interrupted', retryable: false });
    expect(error.message).toBe('The body from api.test was cut off before it finished (ECONNRESET).');
  });

  it('finds the code on the cause when the error itself has none', async () => {
    const source = bodySource();
    const reader = createByteStream({ start: source.start, host: 'api.test' }).getReader();
    source.fail(new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }));
    expect((await caught(() => reader.read())).message).toBe('The body from api.test was cut off before it finished (UND_ERR_SOCKET).');
  });

  it('names no code when there is none, or it is not a string', async () => {
    for (const reason of [new Error('gone'), Object.assign(new Error('gone'), { code: -104 }), undefined]) {
      const source = bodySource();
      const reader = createByteStream({ start: source.start, host: 'api.test' }).getReader();
      source.fail(reason);
      const error = await caught(() => reader.read());
      expect(error.kind).toBe('stream_interrupted');
      expect(error.message).toBe('The body from api.test was cut off before it finished.');
    }
  });

  it('passes a typed error from the body through as it is', async () => {
    const source = bodySource();
    const reader = createByteStream({ start: source.start, host: 'api.test' }).getReader();
    const typed = new RequestError({ kind: 'aborted', message: 'stopped upstream' });
    source.fail(typed);
    expect(await caught(() => reader.read())).toBe(typed);
  });
});

describe('a body with nothing in it', () => {
  it('ends at once, cleanly, when the response has no body', async () => {
    const stream = createByteStream({ start: async () => ({ response: new Response(null), meta: META }), host: 'api.test' });
    expect(await stream.getReader().read()).toEqual({ done: true, value: undefined });
  });
});

describe('aborting', () => {
  it('fails the first read with a typed Stream abort when aborted before anyone read, and cancels the body', async () => {
    const source = bodySource();
    const stream = createByteStream({ start: source.start, host: 'api.test' });
    await stream.responseMeta;
    stream.abort();
    const error = await caught<RequestError>(() => stream.getReader().read());
    expect(error).toMatchObject({ category: 'request', kind: 'aborted', message: 'Stream was aborted by the caller.' });
    expect(source.cancel).toHaveBeenCalledWith(error);
  });

  it("aborts the request when the caller's signal aborts", async () => {
    const source = bodySource();
    const caller = new AbortController();
    const reader = createByteStream({ start: source.start, host: 'api.test', signal: caller.signal }).getReader();
    const pending = caught(() => reader.read());
    await vi.waitFor(() => expect(source.signals).toHaveLength(1));
    caller.abort();
    expect((await pending).kind).toBe('aborted');
    expect(source.signals[0]!.aborted).toBe(true);
  });
});

describe('cancelling', () => {
  it('aborts the request with the reason, cancels the body as a Stream abort, and lets go of the signal', async () => {
    const source = bodySource();
    const caller = new AbortController();
    const stream = createByteStream({ start: source.start, host: 'api.test', signal: caller.signal });
    const reader = stream.getReader();
    source.push('part');
    await reader.read();
    await reader.cancel('enough');
    expect(source.signals[0]!.aborted).toBe(true);
    expect(source.signals[0]!.reason).toBe('enough');
    expect(source.cancel).toHaveBeenCalledWith(expect.objectContaining({ kind: 'aborted', message: 'Stream was aborted by the caller.' }));
    expect(abortListeners(caller.signal)).toBe(0);
  });
});

describe("letting go of the caller's signal", () => {
  it('removes its listener once the body has been read to the end', async () => {
    const source = bodySource();
    const caller = new AbortController();
    const reader = createByteStream({ start: source.start, host: 'api.test', signal: caller.signal }).getReader();
    source.push('all');
    source.end();
    await reader.read();
    expect(abortListeners(caller.signal)).toBe(1);
    expect((await reader.read()).done).toBe(true);
    expect(abortListeners(caller.signal)).toBe(0);
  });

  it('removes its listener when the body is empty, cut off, or the request fails', async () => {
    const caller = new AbortController();
    await createByteStream({ start: async () => ({ response: new Response(null), meta: META }), host: 'api.test', signal: caller.signal }).getReader().read();
    expect(abortListeners(caller.signal)).toBe(0);

    const source = bodySource();
    const reader = createByteStream({ start: source.start, host: 'api.test', signal: caller.signal }).getReader();
    source.fail(new Error('gone'));
    await caught(() => reader.read());
    expect(abortListeners(caller.signal)).toBe(0);

    const failing = createByteStream({ start: async () => { throw new RequestError({ kind: 'bad_request', message: 'bad' }); }, host: 'api.test', signal: caller.signal });
    await caught(() => failing.responseMeta);
    expect(abortListeners(caller.signal)).toBe(0);
  });
});
