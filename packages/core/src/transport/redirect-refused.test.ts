/**
 * A redirect that reaches the pipeline (a transport that does not follow it, a browser's opaque
 * redirect) is refused with a typed `redirect_refused` error that says where it pointed, and its
 * unread body is released.
 */
import { describe, expect, it } from 'vitest';
import { caught, mockCore } from '../../test/helpers.js';
import { RequestError, type Transport } from '../index.js';

function answering(response: () => Response): Transport {
  return { send: async () => response() };
}

describe('a redirect answer', () => {
  it('is refused with its status, location and request id', async () => {
    const transport = answering(() => new Response(null, { status: 307, headers: { location: 'https://elsewhere.test/v1/files', 'x-request-id': 'req_r1' } }));
    const error = await caught<RequestError>(() => mockCore({ transport }).post('/files', { body: {} }));
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ kind: 'redirect_refused', status: 307, requestId: 'req_r1' });
    expect(error.message).toBe(
      'The server answered POST /v1/files with a redirect (307) to https://elsewhere.test/v1/files; the transport did not follow it. Point baseUrl at the final address.',
    );
  });

  it('says an upload is never re-sent, for an upload', async () => {
    const transport = answering(() => new Response(null, { status: 308, headers: { location: 'https://elsewhere.test/v1/files' } }));
    const error = await caught<RequestError>(() => mockCore({ transport }).postMultipart('/files', { body: { purpose: 'batch', file: new Blob(['x']) } }));
    expect(error.message).toBe(
      'The server answered POST /v1/files with a redirect (308) to https://elsewhere.test/v1/files; an upload is never re-sent to another address. Point baseUrl at the final address.',
    );
  });

  it('treats 300 as a redirect, and leaves out a location that was not sent', async () => {
    const transport = answering(() => new Response(null, { status: 300 }));
    const error = await caught<RequestError>(() => mockCore({ transport }).get('/models'));
    expect(error.kind).toBe('redirect_refused');
    expect(error.requestId).toBeUndefined();
    expect(error.message).toBe('The server answered GET /v1/models with a redirect (300); the transport did not follow it. Point baseUrl at the final address.');
  });

  it('refuses an opaque redirect, which has no status, headers or body', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;
    const error = await caught<RequestError>(() => mockCore({ transport: answering(() => opaque) }).get('/models'));
    expect(error).toMatchObject({ kind: 'redirect_refused', status: undefined });
    expect(error.message).toBe('The server answered GET /v1/models with a redirect; the transport did not follow it. Point baseUrl at the final address.');
  });

  it('releases the unread body of the redirect', async () => {
    let cancelled = false;
    const body = new ReadableStream({ cancel: () => void (cancelled = true) });
    const transport = answering(() => new Response(body, { status: 302, headers: { location: '/v2/models' } }));
    expect((await caught<RequestError>(() => mockCore({ transport }).get('/models'))).kind).toBe('redirect_refused');
    expect(cancelled).toBe(true);
  });

  it('does not take a 400 for a redirect', async () => {
    const transport = answering(() => new Response('{"error":{"message":"nope"}}', { status: 400, headers: { 'content-type': 'application/json' } }));
    expect(await caught<RequestError>(() => mockCore({ transport }).get('/models'))).toMatchObject({ kind: 'validation', status: 400, message: '400 nope' });
  });
});
