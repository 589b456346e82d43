/**
 * The caller's abort, and the attempt's timeout, end a call even when the transport misses them
 * (blocked writing an upload, say), and an abort that comes before sending means nothing is sent.
 */
import { describe, expect, it, vi } from 'vitest';
import { caught, mockCore } from '../../test/helpers.js';
import { RequestError, type Middleware, type NetworkError, type Transport, type TransportRequest } from '../index.js';

/** A transport that ignores its signal and answers only when `answer` is called. */
function busyTransport(onSend: (request: TransportRequest) => void = () => undefined) {
  let answer!: (response: Response) => void;
  let fail!: (error: unknown) => void;
  const sent: TransportRequest[] = [];
  const transport: Transport = {
    send(request) {
      sent.push(request);
      const pending = new Promise<Response>((resolve, reject) => {
        answer = resolve;
        fail = reject;
      });
      onSend(request);
      return pending;
    },
  };
  return { transport, sent, answer: (response: Response) => answer(response), fail: (error: unknown) => fail(error) };
}

const ok = () => new Response('{"id":"late"}', { status: 200, headers: { 'content-type': 'application/json' } });

describe('a transport that misses the abort', () => {
  it('cannot hold the call once the caller aborts mid-send', async () => {
    const controller = new AbortController();
    const busy = busyTransport();
    const call = mockCore({ transport: busy.transport }).get('/models', {}, { signal: controller.signal });
    await vi.waitFor(() => expect(busy.sent).toHaveLength(1));
    controller.abort();
    busy.answer(ok());
    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('cannot hold the call when the abort came while the request was being handed over', async () => {
    const controller = new AbortController();
    const busy = busyTransport(() => controller.abort());
    const call = mockCore({ transport: busy.transport }).get('/models', {}, { signal: controller.signal });
    busy.answer(ok());
    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('leaves no unhandled rejection when the transport fails after the abort', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const controller = new AbortController();
      const busy = busyTransport(() => controller.abort());
      const call = mockCore({ transport: busy.transport }).get('/models', {}, { signal: controller.signal });
      busy.fail(new DOMException('This operation was aborted', 'AbortError'));
      await expect(call).rejects.toMatchObject({ kind: 'aborted' });
      // Node reports an unhandled rejection after the microtask queue drains: let it.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('still answers with the transport when nobody aborts', async () => {
    const busy = busyTransport();
    const call = mockCore({ transport: busy.transport }).get('/models');
    await vi.waitFor(() => expect(busy.sent).toHaveLength(1));
    busy.answer(ok());
    await expect(call).resolves.toEqual({ id: 'late' });
  });

  it('leaves no abort listener on the signal it handed the transport', async () => {
    let live = () => 0;
    const busy = busyTransport((request) => {
      const added = vi.spyOn(request.signal, 'addEventListener');
      const removed = vi.spyOn(request.signal, 'removeEventListener');
      const aborts = (calls: unknown[][]) => calls.filter(([type]) => type === 'abort').length;
      live = () => aborts(added.mock.calls) - aborts(removed.mock.calls);
    });
    const call = mockCore({ transport: busy.transport }).get('/models', {}, { signal: new AbortController().signal });
    await vi.waitFor(() => expect(busy.sent).toHaveLength(1));
    busy.answer(ok());
    await call;
    expect(live()).toBe(0);
  });
});

describe('a transport that misses the timeout', () => {
  it('cannot hold a call without a caller signal past its timeout', async () => {
    const busy = busyTransport();
    const call = mockCore({ transport: busy.transport, timeout: 20 }).get('/models');
    const error = await caught<NetworkError>(() => call);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'request' });
    expect(busy.sent[0]!.signal.aborted).toBe(true);
  });

  it('leaves no unhandled rejection when the transport fails after the timeout', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const busy = busyTransport();
      await caught(() => mockCore({ transport: busy.transport, timeout: 20 }).get('/models'));
      busy.fail(new TypeError('fetch failed'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

describe('an abort before sending', () => {
  it('sends nothing and runs no middleware for an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const onRequest = vi.fn();
    const busy = busyTransport();
    const error = await caught<RequestError>(() => mockCore({ transport: busy.transport, middleware: [{ onRequest }] }).get('/models', {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('aborted');
    expect(onRequest).not.toHaveBeenCalled();
    expect(busy.sent).toHaveLength(0);
  });

  it('sends nothing when the caller aborts while middleware runs', async () => {
    const controller = new AbortController();
    const abortInMiddleware: Middleware = { onRequest: () => controller.abort() };
    const busy = busyTransport();
    const error = await caught<RequestError>(() => mockCore({ transport: busy.transport, middleware: [abortInMiddleware] }).get('/models', {}, { signal: controller.signal }));
    expect(error.kind).toBe('aborted');
    expect(busy.sent).toHaveLength(0);
  });
});
