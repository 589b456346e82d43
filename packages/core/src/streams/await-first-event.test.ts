/** `awaitFirstEvent`: a stream attempt holds until the first event, and types every failure before it. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caught } from '../../test/helpers.js';
import { ApiKey } from '../config/api-key.js';
import type { NetworkError, ResponseError } from '../errors/errors.js';
import { awaitFirstEvent } from './await-first-event.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const KEY = new ApiKey('sk-test-SECRET-1234567890');
const CONTEXT = { host: 'api.test' };

/** A response whose body the test writes to. */
function streamResponse(headers: Record<string, string> = { 'content-type': 'text/event-stream', 'x-request-id': 'req_sse' }) {
  let write!: ReadableStreamDefaultController<Uint8Array>;
  const cancel = vi.fn();
  const body = new ReadableStream<Uint8Array>({ start: (controller) => void (write = controller), cancel });
  return {
    response: new Response(body, { headers }),
    cancel,
    push: (text: string) => write.enqueue(new TextEncoder().encode(text)),
    end: () => write.close(),
    fail: (reason: unknown) => write.error(reason),
  };
}

/** Whether `promise` has settled once pending work at this instant has run. */
async function settledNow(promise: Promise<unknown>) {
  let settled = false;
  promise.then(() => (settled = true), () => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  return settled;
}

describe('waiting for the first event', () => {
  it('resolves with the response only once a whole event has arrived', async () => {
    const source = streamResponse();
    const waiting = awaitFirstEvent(source.response, KEY, CONTEXT, 1_000);
    source.push('data: hel');
    expect(await settledNow(waiting)).toBe(false);
    source.push('lo\n\n');
    expect(await waiting).toBe(source.response);
  });

  it('waits as long as it takes when there is no idle limit', async () => {
    const source = streamResponse();
    const waiting = awaitFirstEvent(source.response, KEY, CONTEXT);
    await vi.advanceTimersByTimeAsync(600_000);
    source.push('data: late\n\n');
    expect(await waiting).toBe(source.response);
  });

  it('accepts a response with no content-type', async () => {
    const source = streamResponse({});
    const waiting = awaitFirstEvent(source.response, KEY, CONTEXT);
    source.push('data: {}\n\n');
    expect(await waiting).toBe(source.response);
  });
});

describe('failures before the first event', () => {
  it('times out a stream that sends headers and then nothing, frees it, and allows a retry', async () => {
    const source = streamResponse();
    const waiting = caught<NetworkError>(() => awaitFirstEvent(source.response, KEY, CONTEXT, 250));
    await vi.advanceTimersByTimeAsync(250);
    const error = await waiting;
    expect(error).toMatchObject({ category: 'network', kind: 'timeout', timeoutKind: 'stream_idle', retryable: true, requestId: 'req_sse' });
    expect(error.message).toBe('The stream sent headers, then nothing for 250 ms before its first event (option "streamIdleTimeout").');
    expect(source.cancel).toHaveBeenCalledOnce();
  });

  it('has no request id on the timeout when the response had none', async () => {
    const source = streamResponse({ 'content-type': 'text/event-stream' });
    const waiting = caught(() => awaitFirstEvent(source.response, KEY, CONTEXT, 250));
    await vi.advanceTimersByTimeAsync(250);
    expect((await waiting).requestId).toBeUndefined();
  });

  it('types a body cut off before the first event as a retryable connection reset at the host', async () => {
    const source = streamResponse();
    const waiting = caught(() => awaitFirstEvent(source.response, KEY, CONTEXT, 1_000));
    source.fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const error = await waiting;
    expect(error).toMatchObject({ kind: 'connection_reset', retryable: true });
    expect(error.message).toBe('The connection to api.test was closed while reading the response body (ECONNRESET).');
  });

  it('types a stream that closes before its first event as retryable', async () => {
    const source = streamResponse();
    const waiting = caught(() => awaitFirstEvent(source.response, KEY, CONTEXT));
    source.push(': keep-alive\n\n');
    source.end();
    expect(await waiting).toMatchObject({ category: 'network', kind: 'stream_interrupted', retryable: true, requestId: 'req_sse', message: 'The event stream closed before its first event.' });
  });

  it('types a stream response with no body as retryable', async () => {
    const response = new Response(null, { headers: { 'content-type': 'text/event-stream' } });
    expect(await caught(() => awaitFirstEvent(response, KEY, CONTEXT))).toMatchObject({
      category: 'network', kind: 'stream_interrupted', retryable: true, message: 'The event stream had no body.',
    });
  });
});

describe('a response that is not an event stream', () => {
  it('is refused with its content-type, status, request id and a redacted preview of the body', async () => {
    const response = new Response(JSON.stringify({ error: 'bad key sk-test-SECRET-1234567890' }), { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'req_json' } });
    const error = await caught<ResponseError>(() => awaitFirstEvent(response, KEY, CONTEXT));
    expect(error).toMatchObject({ category: 'response', kind: 'unexpected_content_type', status: 200, requestId: 'req_json' });
    expect(error.message).toBe('Expected an event stream but got content-type "application/json": "{\\"error\\":\\"bad key [REDACTED]\\"}"');
  });

  it('shows at most 200 characters of the body', async () => {
    const response = new Response('x'.repeat(500), { headers: { 'content-type': 'text/html' } });
    const error = await caught(() => awaitFirstEvent(response, KEY, CONTEXT));
    expect(error.message).toBe(`Expected an event stream but got content-type "text/html": "${'x'.repeat(200)}"`);
    expect(error.requestId).toBeUndefined();
  });

  it('shows an empty preview when the body cannot be read', async () => {
    const body = new ReadableStream({ start: (controller) => controller.error(new Error('gone')) });
    const response = new Response(body, { headers: { 'content-type': 'text/plain' } });
    expect((await caught(() => awaitFirstEvent(response, KEY, CONTEXT))).message).toBe('Expected an event stream but got content-type "text/plain": ""');
  });
});
