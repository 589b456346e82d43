/**
 * A stream response whose first bytes were already read: while a stream attempt waits for its
 * first event (await-first-event.ts), it reads from the body; the stream then goes on with the
 * same reader and decoder, starting with the events already decoded. Handing them over here,
 * rather than wrapping the body in a replaying stream, saves a pull and a promise on every chunk
 * that follows, and decoding the first chunk twice.
 */

import type { ChunkReader } from './chunk-reader.js';
import type { ServerSentEvent, SseDecoder } from './sse-decoder.js';

/**
 * The reader holding the rest of the body, and what was read before it: the decoder that read
 * the first bytes (mid-line state included) and the events they completed, so nothing is
 * decoded twice (a first read of a block stream can hold hundreds of events).
 */
export interface PrimedBody {
  reader: ChunkReader;
  decoder: SseDecoder;
  events: ServerSentEvent[];
}

const primedBodies = new WeakMap<Response, PrimedBody>();

/** Records that `response`'s body is read through `body.reader`, after `body.events`. */
export function primeBody(response: Response, body: PrimedBody): Response {
  primedBodies.set(response, body);
  return response;
}

/** The primed body of `response`, if it has one (its `body` is then locked to that reader). */
export function primedBodyOf(response: Response): PrimedBody | undefined {
  return primedBodies.get(response);
}
