/**
 * A byte stream's body is read after its attempt ends, so the signal the transport got must
 * keep following the caller's: aborting mid-download aborts the transport's signal too (which
 * is how fetch releases the socket). A buffered call unlinks when its attempt ends.
 */
import { describe, expect, it } from 'vitest';
import { mockCore } from '../../test/helpers.js';
import type { Transport, TransportRequest } from '../index.js';

function downloadTransport() {
  const sent: TransportRequest[] = [];
  const transport: Transport = {
    async send(request) {
      sent.push(request);
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new Uint8Array([1, 2, 3])),
        // Never ends by itself: only an abort or a cancel stops it.
        pull: () => new Promise(() => undefined),
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'audio/mpeg' } });
    },
  };
  return { sent, transport };
}

describe('the signal a transport gets', () => {
  it('aborts when the caller aborts in the middle of a byte-stream download', async () => {
    const { sent, transport } = downloadTransport();
    const caller = new AbortController();
    const stream = mockCore({ transport }).byteStream('/audio/speech', { body: { input: 'hi' } }, { signal: caller.signal });
    const reader = stream.getReader();
    expect((await reader.read()).value).toEqual(new Uint8Array([1, 2, 3]));
    expect(sent[0]!.signal.aborted).toBe(false);
    caller.abort();
    await expect(reader.read()).rejects.toMatchObject({ kind: 'aborted' });
    expect(sent[0]!.signal.aborted).toBe(true);
  });

  it('no longer follows the caller once a buffered call has finished', async () => {
    const sent: TransportRequest[] = [];
    const transport: Transport = {
      async send(request) {
        sent.push(request);
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    };
    const caller = new AbortController();
    await mockCore({ transport }).get('/models', {}, { signal: caller.signal });
    caller.abort();
    expect(sent[0]!.signal.aborted).toBe(false);
  });

  it('no longer follows the caller once a call has failed', async () => {
    const sent: TransportRequest[] = [];
    const transport: Transport = {
      async send(request) {
        sent.push(request);
        return new Response('{"error":{"message":"down"}}', { status: 500, headers: { 'content-type': 'application/json' } });
      },
    };
    const caller = new AbortController();
    await expect(mockCore({ transport }).get('/models', {}, { signal: caller.signal })).rejects.toMatchObject({ kind: 'internal_error' });
    caller.abort();
    expect(sent[0]!.signal.aborted).toBe(false);
  });
});
