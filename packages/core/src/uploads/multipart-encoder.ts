/**
 * The streaming `multipart/form-data` encoder, loaded on the first upload (multipart.ts holds
 * the types and the entry point). Parts are produced on demand (one pull, one chunk), so a
 * 200 MB file goes out in constant memory; the length is computed up front when every part's
 * size is known, and the body can be re-opened for a retry when every part can.
 */
// Through the package entry, not errors.ts: an app bundler then puts every piece of core this
// chunk shares with the first load in one chunk (see rate-limiter.ts).
import { RequestError } from '../index.js';
import { isUploadable, toUploadSource, type UploadSource } from './upload-source.js';
import type { FormValue, MultipartBody, UploadProgress } from './multipart.js';

type Part = { name: string; text: string } | { name: string; source: UploadSource };

const encoder = new TextEncoder();
const CRLF = encoder.encode('\r\n');

function escapeQuoted(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** `type/subtype` with optional parameters, nothing that could end the part header early. */
const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+(?:\s*;\s*[\w.+-]+=(?:[\w.+-]+|"[^"\\\r\n]*"))*$/;

/** A content type goes into the part header as is: a CR or LF in it would inject a field. */
function checkContentType(contentType: string, field: string): void {
  if (MEDIA_TYPE.test(contentType)) return;
  throw new RequestError({
    kind: 'validation',
    message: `The upload in "${field}" has an invalid content type ${JSON.stringify(contentType)}: expected "type/subtype", e.g. "application/jsonl".`,
    issues: [{ path: field, message: 'invalid content type' }],
  });
}

async function flatten(name: string, value: FormValue, parts: Part[]): Promise<void> {
  if (value === undefined || value === null) return;
  if (isUploadable(value)) {
    const source = await toUploadSource(value, name);
    checkContentType(source.contentType, name);
    parts.push({ name, source });
  } else if (Array.isArray(value)) {
    for (const item of value) await flatten(`${name}[]`, item, parts);
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) await flatten(`${name}[${key}]`, item, parts);
  } else {
    parts.push({ name, text: String(value) });
  }
}

function partHead(boundary: string, part: Part): Uint8Array {
  const disposition = `Content-Disposition: form-data; name="${escapeQuoted(part.name)}"`;
  if ('text' in part) return encoder.encode(`--${boundary}\r\n${disposition}\r\n\r\n`);
  return encoder.encode(
    `--${boundary}\r\n${disposition}; filename="${escapeQuoted(part.source.filename)}"\r\nContent-Type: ${part.source.contentType}\r\n\r\n`,
  );
}

function randomBoundary(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `----IntegrationsOpenAI${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Encodes `fields` as multipart/form-data. Upload values become file parts.
 *
 * @example
 * const body = await encodeMultipartBody({ file: { path: '../train.jsonl' }, purpose: 'fine-tune' });
 * await fetch(url, { method: 'POST', body: body.open(), headers: { 'content-type': body.contentType }, duplex: 'half' });
 */
export async function encodeMultipartBody(fields: Record<string, FormValue>, options: { boundary?: string } = {}): Promise<MultipartBody> {
  const boundary = options.boundary ?? randomBoundary();
  const parts: Part[] = [];
  for (const [name, value] of Object.entries(fields)) await flatten(name, value, parts);
  const heads = parts.map((part) => partHead(boundary, part));
  const closing = encoder.encode(`--${boundary}--\r\n`);
  let contentLength: number | undefined = closing.byteLength;
  for (const [index, part] of parts.entries()) {
    const bodySize = 'text' in part ? encoder.encode(part.text).byteLength : part.source.size;
    contentLength = contentLength === undefined || bodySize === undefined ? undefined : contentLength + heads[index]!.byteLength + bodySize + CRLF.byteLength;
  }
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength,
    replayable: parts.every((part) => 'text' in part || part.source.replayable),
    open: (onProgress, done) => openBody(parts, heads, closing, contentLength, onProgress, done),
    ...(parts.every((part) => 'text' in part || part.source.inMemory !== undefined) ? { blob: () => blobBody(parts, heads, closing) } : {}),
  };
}

/** The body as one Blob: heads, texts and bytes as they are, Blobs by reference. */
function blobBody(parts: Part[], heads: Uint8Array[], closing: Uint8Array): Blob {
  const pieces: BlobPart[] = [];
  parts.forEach((part, index) => {
    pieces.push(heads[index] as Uint8Array<ArrayBuffer>, 'text' in part ? part.text : (part.source.inMemory as Blob | Uint8Array<ArrayBuffer>), CRLF as Uint8Array<ArrayBuffer>);
  });
  pieces.push(closing as Uint8Array<ArrayBuffer>);
  return new Blob(pieces);
}

function openBody(
  parts: Part[],
  heads: Uint8Array[],
  closing: Uint8Array,
  total: number | undefined,
  onProgress: ((progress: UploadProgress) => void) | undefined,
  done: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  // The queue holds what to emit next: byte chunks, or an upload to stream from.
  const queue: Array<Uint8Array | UploadSource> = [];
  parts.forEach((part, index) => {
    queue.push(heads[index]!);
    queue.push('text' in part ? encoder.encode(part.text) : part.source);
    queue.push(CRLF);
  });
  queue.push(closing);
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let loaded = 0;
  const emit = (controller: ReadableStreamDefaultController<Uint8Array>, chunk: Uint8Array) => {
    loaded += chunk.byteLength;
    controller.enqueue(chunk);
    onProgress?.({ loaded, total });
  };
  // Fetch holds the outer stream's reader, so the attempt cannot cancel it; it cancels the
  // upload being read instead (a `{ path }` file handle would otherwise wait for GC).
  const release = () => {
    queue.length = 0;
    reader?.cancel(done?.reason).catch(() => undefined);
    reader = undefined;
  };
  done?.addEventListener('abort', release, { once: true });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (done?.aborted) return controller.close();
        if (reader) {
          const next = await reader.read();
          if (!next.done) {
            if (next.value.byteLength > 0) return emit(controller, next.value);
            continue;
          }
          reader = undefined;
        }
        const item = queue.shift();
        if (item === undefined) {
          done?.removeEventListener('abort', release);
          return controller.close();
        }
        if (item instanceof Uint8Array) return emit(controller, item);
        reader = item.open().getReader();
      }
    },
    async cancel(reason) {
      await reader?.cancel(reason);
    },
  }, { highWaterMark: 0 });
}
