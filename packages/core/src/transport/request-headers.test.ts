/**
 * The headers core sets by itself depend on the call: `Accept` follows the response kind, a
 * byte stream asks for an uncompressed body, only a JSON body gets a content type, and only a
 * POST gets a generated idempotency key.
 */
import { describe, expect, it } from 'vitest';
import { mockCore } from '../../test/helpers.js';
import type { Transport, TransportRequest } from '../index.js';

/** A transport that records each request and answers 200 with `{}` (or an SSE stream that ends at once). */
function recording() {
  const sent: TransportRequest[] = [];
  const transport: Transport = {
    async send(request) {
      sent.push(request);
      const sse = request.headers.get('accept') === 'text/event-stream';
      return new Response(sse ? 'data: {}\n\ndata: [DONE]\n\n' : '{}', { status: 200, headers: { 'content-type': sse ? 'text/event-stream' : 'application/json' } });
    },
  };
  return { sent, core: mockCore({ transport }) };
}

async function drained(stream: ReadableStream<Uint8Array>): Promise<void> {
  const reader = stream.getReader();
  while (!(await reader.read()).done);
}

describe('Accept by response kind', () => {
  it('asks for JSON by default, any type for binary and byte-stream bodies, and events for a stream', async () => {
    const { sent, core } = recording();
    await core.get('/models');
    await core.getBinary('/files/file-1/content');
    await drained(core.byteStream('/files/file-1/content'));
    for await (const _event of core.stream('/chat/completions', { body: {} }));
    expect(sent.map((request) => request.headers.get('accept'))).toEqual(['application/json', '*/*', '*/*', 'text/event-stream']);
  });

  it('sends the Accept header an operation declares', async () => {
    const { sent, core } = recording();
    await core.getBinary('/audio', { accept: 'audio/*' });
    expect(sent[0]!.headers.get('accept')).toBe('audio/*');
  });
});

describe('other headers core sets', () => {
  it('asks for an uncompressed body only when the body is handed over as a byte stream', async () => {
    const { sent, core } = recording();
    await core.getBinary('/files/file-1/content');
    await drained(core.byteStream('/files/file-1/content'));
    expect(sent.map((request) => request.headers.get('accept-encoding'))).toEqual([null, 'identity']);
  });

  it('labels only a JSON body as application/json', async () => {
    const { sent, core } = recording();
    await core.get('/models');
    await core.post('/embeddings', { body: { input: 'x' } });
    expect(sent.map((request) => request.headers.get('content-type'))).toEqual([null, 'application/json']);
    expect(sent[1]!.body).toBe('{"input":"x"}');
  });

  it('generates an idempotency key for a POST only', async () => {
    const { sent, core } = recording();
    await core.get('/models');
    await core.delete('/models/m');
    await core.post('/embeddings', { body: {} });
    expect(sent.map((request) => request.headers.get('idempotency-key')?.startsWith('idem-') ?? null)).toEqual([null, null, true]);
  });
});
