/**
 * What a finished call reports, success or failure: its duration, the errors middleware and the
 * caller see, and a body that cannot be sent as JSON.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caught, mockCore } from '../../test/helpers.js';
import { getResponseMeta, RequestError, ServerError, type Middleware, type MiddlewareResponse, type OpenAIError, type Transport } from '../index.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');

/** A transport that lets `ms` of (fake) wall-clock time pass, then answers `status`. */
function slowTransport(ms: number, status: number): Transport {
  return {
    async send() {
      vi.setSystemTime(T0 + ms);
      const body = status === 200 ? '{"id":"x"}' : '{"error":{"message":"down"}}';
      return new Response(body, { status, headers: { 'content-type': 'application/json' } });
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('call duration', () => {
  it('is the wall-clock time from start to answer, on the result and for middleware', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    const seen: MiddlewareResponse[] = [];
    const result = await mockCore({ transport: slowTransport(250, 200), middleware: [{ onResponse: (response) => void seen.push(response) }] }).get('/models');
    expect(getResponseMeta(result)).toMatchObject({ durationMs: 250, attempts: 1, status: 200 });
    expect(seen).toMatchObject([{ durationMs: 250, attempts: 1, status: 200 }]);
  });

  it('is on the error of a failed call', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    const error = await caught<ServerError>(() => mockCore({ transport: slowTransport(400, 500) }).get('/models'));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ durationMs: 400, attempts: 1, status: 500 });
  });
});

describe('failures and middleware', () => {
  it('reports a failure through middleware that has no onError', async () => {
    const onRequest = vi.fn();
    const error = await caught<ServerError>(() => mockCore({ transport: slowTransport(0, 500), middleware: [{ onRequest }] }).get('/models'));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe('500 down');
    expect(onRequest).toHaveBeenCalledTimes(1);
  });

  it('passes an error thrown by onResponse to the caller untouched, without calling onError', async () => {
    const own = new Error('audit log unavailable');
    const onError = vi.fn();
    const middleware: Middleware = {
      onResponse: () => {
        throw own;
      },
      onError,
    };
    const error = await caught<Error>(() => mockCore({ transport: slowTransport(0, 200), middleware: [middleware] }).get('/models'));
    expect(error).toBe(own);
    expect(Object.keys(error)).toEqual([]);
    expect(onError).not.toHaveBeenCalled();
  });

  it('hands onError the typed error the caller gets', async () => {
    const seen: OpenAIError[] = [];
    const error = await caught(() => mockCore({ transport: slowTransport(0, 500), middleware: [{ onError: (typed) => void seen.push(typed) }] }).get('/models'));
    expect(seen).toEqual([error]);
    expect(seen[0]).toBe(error);
  });
});

describe('a body JSON cannot hold', () => {
  it('fails validation before sending, naming the reason', async () => {
    const send = vi.fn<Transport['send']>();
    const error = await caught<RequestError>(() => mockCore({ transport: { send } }).post('/embeddings', { body: { input: 'x', seed: 1n } }));
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('validation');
    expect(error.message).toBe('The request body cannot be sent as JSON: Do not know how to serialize a BigInt');
    expect(error.issues).toEqual([{ path: 'body', message: 'not serializable as JSON' }]);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(send).not.toHaveBeenCalled();
  });
});
