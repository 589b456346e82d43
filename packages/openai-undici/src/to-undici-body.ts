/**
 * A fetch `BodyInit` as a body undici's `request()` takes. Core sends a string (JSON) or a web
 * `ReadableStream` (a streamed multipart upload); other kinds are handled as fetch would.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';

/** What undici sends, and the content type fetch would have derived from the body. */
export interface UndiciBody {
  body: string | Uint8Array | Readable | null;
  contentType?: string;
}

/**
 * Converts `body`. A web stream becomes a Node `Readable` read on demand (constant memory
 * whatever the upload's size); undici destroys it when the request fails or is aborted, which
 * cancels the web stream and, through it, closes a `{ path }` upload's file at once.
 *
 * @example
 * const { body } = toUndiciBody(request.body);
 */
export function toUndiciBody(body: BodyInit | null): UndiciBody {
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) return { body };
  if (body instanceof ReadableStream) return { body: Readable.fromWeb(body as NodeWebReadableStream<Uint8Array>) };
  if (body instanceof ArrayBuffer) return { body: new Uint8Array(body) };
  if (ArrayBuffer.isView(body)) return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  // Blob, FormData, URLSearchParams: the bytes and content type fetch's own extraction makes.
  const extracted = new Response(body);
  const contentType = extracted.headers.get('content-type') ?? undefined;
  const stream = extracted.body as NodeWebReadableStream<Uint8Array> | null;
  return { body: stream === null ? null : Readable.fromWeb(stream), ...(contentType === undefined ? {} : { contentType }) };
}
