/**
 * A stream response whose first bytes were already read: while a stream attempt waits for its
 * first event (await-first-event.ts), it reads from the body; the stream then goes on with the
 * same reader, starting with those bytes. Handing them over here, rather than wrapping the body
 * in a replaying stream, saves a pull and a promise on every chunk that follows.
 */

/** The bytes read so far, and the reader holding the rest of the body. */
export interface PrimedBody {
  prefix: Uint8Array[];
  reader: ReadableStreamDefaultReader<Uint8Array>;
}

const primedBodies = new WeakMap<Response, PrimedBody>();

/** Records that `response`'s body is read through `body.reader`, after `body.prefix`. */
export function primeBody(response: Response, body: PrimedBody): Response {
  primedBodies.set(response, body);
  return response;
}

/** The primed body of `response`, if it has one (its `body` is then locked to that reader). */
export function primedBodyOf(response: Response): PrimedBody | undefined {
  return primedBodies.get(response);
}
