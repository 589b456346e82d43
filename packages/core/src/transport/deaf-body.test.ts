/**
 * A custom transport whose response body ignores the abort (it keeps trickling, or never ends)
 * cannot hold a call past the caller's abort or the attempt's timeout: the guard that covers the
 * wait for headers covers the body too.
 */
import { describe, expect, it, vi } from 'vitest';
import { caught, mockCore } from '../../test/helpers.js';
import type { NetworkError, Transport } from '../index.js';

/** Answers headers at once, then a body that sends one byte and never ends, whatever the signal. */
function deafBodyTransport(status = 200) {
  const sent: unknown[] = [];
  const transport: Transport = {
    send: async (request) => {
      sent.push(request);
      const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode('{')) });
      return new Response(body, { status, headers: { 'content-type': 'application/json' } });
    },
  };
  return { transport, sent };
}

describe('a response body that misses the abort', () => {
  it('is cut off by the caller abort, as a typed aborted error', async () => {
    const controller = new AbortController();
    const deaf = deafBodyTransport();
    const call = mockCore({ transport: deaf.transport }).get('/models', {}, { signal: controller.signal });
    await vi.waitFor(() => expect(deaf.sent).toHaveLength(1));
    controller.abort();
    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('is cut off by the attempt timeout, as a typed timeout', async () => {
    const deaf = deafBodyTransport();
    const error = await caught<NetworkError>(() => mockCore({ transport: deaf.transport, maxRetries: 0 }).get('/models', {}, { timeout: 50 }));
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('is cut off while an error body is read, too', async () => {
    const deaf = deafBodyTransport(500);
    const error = await caught<NetworkError>(() => mockCore({ transport: deaf.transport, maxRetries: 0 }).get('/models', {}, { timeout: 50 }));
    expect(error).toMatchObject({ kind: 'timeout' });
  });
});
