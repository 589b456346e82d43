/**
 * Holds a stream attempt open until its first SSE event arrives. Failures before that (a reset,
 * an empty body, a stall past the attempt timeout) happen inside the attempt and can be retried
 * safely, because nothing has reached the caller yet; after it, a stream is never retried.
 */
import type { ApiKey } from '../config/api-key.js';
import { classifyFailure } from '../errors/classify-failure.js';
import { NetworkError, ResponseError } from '../errors/errors.js';
import type { BodyContext } from '../transport/read-body.js';
import { chunkReaderOf, type ChunkReader } from './chunk-reader.js';
import { primeBody } from './primed-body.js';
import { SseDecoder, type ServerSentEvent } from './sse-decoder.js';

const IDLE = Symbol('idle');

/** One read, or `IDLE` thrown when nothing comes within `idleMs`. */
async function readWithin(reader: ChunkReader, idleMs: number | undefined): Promise<ReadableStreamReadResult<Uint8Array>> {
  if (idleMs === undefined) return reader.read();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([reader.read(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(IDLE), idleMs)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function refuseNonStream(response: Response, apiKey: ApiKey, contentType: string): Promise<never> {
  // Redact, then cut: a cut first could leave the prefix of an echoed key behind.
  const preview = await response.text().then((text) => apiKey.redactIn(text).slice(0, 200), () => '');
  throw new ResponseError({
    kind: 'unexpected_content_type',
    message: apiKey.redactIn(`Expected an event stream but got content-type "${contentType}": ${JSON.stringify(preview)}`),
    status: response.status,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}

/**
 * Returns the response once its first event has arrived, its body primed (primed-body.ts): the
 * stream starts with the events decoded so far, then reads the rest with the same reader and decoder.
 *
 * @example
 * const response = await awaitFirstEvent(raw, apiKey, bodyContext); // inside the attempt
 */
export async function awaitFirstEvent(response: Response, apiKey: ApiKey, context: BodyContext, idleTimeoutMs?: number): Promise<Response> {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType !== '' && !/text\/event-stream/i.test(contentType)) return refuseNonStream(response, apiKey, contentType);
  const reader = chunkReaderOf(response);
  if (reader === undefined) throw new NetworkError({ kind: 'stream_interrupted', retryable: true, message: 'The event stream had no body.' });
  const probe = new SseDecoder();
  let events: ServerSentEvent[] = [];
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await readWithin(reader, idleTimeoutMs);
    } catch (error) {
      if (error !== IDLE) throw classifyFailure(error, { ...context, phase: 'body' });
      reader.cancel().catch(() => undefined);
      // Silence after the headers is silence: the idle limit holds here too. Nothing reached the
      // caller yet, so the attempt may be retried.
      throw new NetworkError({
        kind: 'timeout',
        timeoutKind: 'stream_idle',
        retryable: true,
        requestId: response.headers.get('x-request-id') ?? undefined,
        message: `The stream sent headers, then nothing for ${idleTimeoutMs} ms before its first event (option "streamIdleTimeout").`,
      });
    }
    if (chunk.done) {
      // Closed before any event: nothing was delivered, so this attempt may be retried.
      throw new NetworkError({ kind: 'stream_interrupted', retryable: true, message: 'The event stream closed before its first event.', requestId: response.headers.get('x-request-id') ?? undefined });
    }
    events = probe.push(chunk.value);
    if (events.length > 0) break;
  }
  return primeBody(response, { reader, decoder: probe, events });
}
