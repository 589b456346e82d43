/**
 * undici's response (status, header object, Node `Readable` body) as a web `Response` whose body
 * streams: chunks are handed on as they arrive, so an event stream yields events before the body
 * ends, and a cancelled body destroys the request (and with it, its socket).
 */
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Dispatcher } from 'undici';
import { UndiciResponse } from './undici-response.js';

/** Statuses whose response may not have a body (the `Response` constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** The decoders fetch applies, by `content-encoding`. */
const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * The `headers` of the `Response` init. The constructor copies whatever it is given into the
 * response's own `Headers`, so the common case (one value per name) hands undici's header object
 * over as it is: a `Headers` built first would be filled twice. A repeated header (undici's array
 * value) is appended value by value, as before, so `set-cookie` lines stay apart; `__proto__`
 * would not survive the constructor's copy into an object, so it takes that path too, as does an
 * object that is not a plain one (the constructor reads own keys, this loop inherited ones too).
 */
function webHeaders(raw: Dispatcher.ResponseData['headers']): HeadersInit {
  if (Object.getPrototypeOf(raw) !== Object.prototype) return appended(raw);
  for (const name in raw) {
    if (typeof raw[name] !== 'string' || name === '__proto__') return appended(raw);
  }
  return raw as Record<string, string>;
}

function appended(raw: Dispatcher.ResponseData['headers']): Headers {
  const headers = new Headers();
  for (const name in raw) {
    const value = raw[name];
    if (typeof value === 'string') headers.append(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}

/** The body to read: decoded when the server compressed it, as fetch does. */
function decoded(body: Readable, encoding: string | undefined): Readable {
  const decoder = encoding === undefined ? undefined : DECODERS[encoding.trim().toLowerCase()];
  if (decoder === undefined) return body;
  const stream = decoder() as unknown as Readable;
  // A failure on either side ends both: a reset surfaces as the decoder's error (cause kept),
  // and destroying the decoder (a cancelled read) destroys undici's body and so the request.
  body.on('error', (error) => stream.destroy(error));
  stream.on('close', () => body.destroy());
  body.pipe(stream as unknown as NodeJS.WritableStream);
  return stream;
}

/**
 * Builds the web `Response` for an undici response to `method url`.
 *
 * @example
 * return toWebResponse(await dispatcher.request(options), request.method, request.url);
 */
export function toWebResponse(response: Dispatcher.ResponseData, method: string, url: string): Response {
  const { statusCode, statusText, body } = response;
  const init = { status: statusCode, statusText, headers: webHeaders(response.headers) };
  if (NULL_BODY_STATUSES.has(statusCode) || method === 'HEAD') {
    body.dump().catch(() => undefined);
    return new Response(null, init);
  }
  const encoding = response.headers['content-encoding'];
  return new UndiciResponse(decoded(body, typeof encoding === 'string' ? encoding : undefined), url, init);
}
