import { describe, expect, it } from 'vitest';
import { createOpenAICore } from '../core.js';
import type { Transport } from '../transport/transport.js';
import { READ_BODY_CHUNKS, type ChunkReader } from './chunk-reader.js';

const encoder = new TextEncoder();

/**
 * A response whose body a transport reads its own way (as the undici transport's Node streams
 * are): `body` throws, so a stream that touched it would fail; the chunk reader counts its reads
 * and cancels.
 */
class OwnReaderResponse extends Response {
  readonly log = { reads: 0, cancelled: false };
  readonly #chunks: string[];

  constructor(chunks: string[], contentType: string) {
    super(null, { headers: { 'content-type': contentType, 'x-request-id': 'req_own' } });
    this.#chunks = [...chunks];
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    throw new Error('the web body was used');
  }

  [READ_BODY_CHUNKS](): ChunkReader {
    return {
      read: async () => {
        this.log.reads++;
        const next = this.#chunks.shift();
        return next === undefined ? { done: true, value: undefined } : { done: false, value: encoder.encode(next) };
      },
      cancel: async () => {
        this.log.cancelled = true;
      },
    };
  }
}

function coreAnswering(response: OwnReaderResponse) {
  const transport: Transport = { send: async () => response };
  return createOpenAICore({ apiKey: 'sk-own-reader', baseUrl: 'http://127.0.0.1:9/v1', logLevel: 'off', maxRetries: 0, transport });
}

describe('a response that offers its own chunk reader', () => {
  it('is read through it by an event stream, events split across reads included', async () => {
    const response = new OwnReaderResponse(['data: {"n":1}\n\ndata: {"n"', ':2}\n\n', 'data: [DONE]\n\n'], 'text/event-stream');
    const items: unknown[] = [];
    for await (const item of coreAnswering(response).stream<{ n: number }>('/chat/completions', { body: { model: 'm' } })) items.push(item);
    expect(items).toEqual([{ n: 1 }, { n: 2 }]);
    expect(response.log.reads).toBe(4); // three chunks, then the end of the body after [DONE]
  });

  it('is cancelled when the caller breaks out of an event stream', async () => {
    const response = new OwnReaderResponse(['data: {"n":1}\n\n', 'data: {"n":2}\n\n', 'data: [DONE]\n\n'], 'text/event-stream');
    for await (const _item of coreAnswering(response).stream('/chat/completions', { body: { model: 'm' } })) break;
    expect(response.log.cancelled).toBe(true);
  });

  it('is read through it by a byte stream, chunk by chunk', async () => {
    const response = new OwnReaderResponse(['RIFF', 'DATA'], 'audio/wav');
    const chunks: string[] = [];
    const reader = coreAnswering(response).byteStream('/audio/speech', { body: { input: 'hi' } }).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(new TextDecoder().decode(next.value));
    expect(chunks).toEqual(['RIFF', 'DATA']);
  });
});
