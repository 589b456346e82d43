/**
 * `uploadLarge`: a file of up to 8 GB through the Uploads API. Create the Upload, send the parts
 * in parallel (each retried on its own by core), complete them in file order. On an abort or a
 * part that fails for good, the Upload is cancelled on the server and the error names the part.
 */
import {
  contentTypeFor, createError, deferredSchema, OpenAIError, RequestError, validateParamsAsync, type OpenAICore, type RequestOptions,
} from '@integrations/openai-core';
import { abortError, linkSignals } from '@integrations/openai-core/internal';
import { toLargeSource, type FilePart, type LargeSource } from './large-source.js';
import { runPool, type PoolFailure } from './part-pool.js';
import type { UploadLargeParams } from './upload-large-params.js';
import { MAX_PART_BYTES, MAX_UPLOAD_BYTES } from './upload-limits.js';
import type { Upload, UploadPart } from './uploads-types.js';
import type { UploadsService } from './uploads.js';

function invalid(path: string, message: string): RequestError {
  return new RequestError({ kind: 'validation', message: `Invalid params: ${path}: ${message}`, issues: [{ path, message }] });
}

/** The part's own error, re-made with the part named in its message (same class, kind, status, request id). */
function partError(failure: PoolFailure<FilePart>, partCount: number, uploadId: string, cancelled: string): OpenAIError {
  const { part, error } = failure;
  const where = part ? `Part ${part.index + 1} of ${partCount} (bytes ${part.start}-${part.end - 1}) of upload ${uploadId}` : `Reading the file for upload ${uploadId}`;
  if (!OpenAIError.isInstance(error)) {
    return new RequestError({ kind: 'unsupported_upload', message: `${where} failed: ${(error as Error)?.message ?? String(error)}; ${cancelled}.`, cause: error });
  }
  const { kind, retryable, status, requestId, type, param, code, retryAfterMs, headers, issues, timeoutKind, attempts, durationMs } = error;
  return createError(error.category, {
    kind, retryable, status, requestId, type, param, code, retryAfterMs, headers, issues, timeoutKind, attempts, durationMs,
    message: `${where} failed: ${error.message} (${cancelled}).`,
    cause: error,
  });
}

// Loaded (with zod) on the first `uploadLarge`, not when the package is imported.
const uploadLargeParamsSchema = deferredSchema(async () => (await import('./upload-large-params-schema.js')).uploadLargeParamsSchema);

/**
 * Runs `uploadLarge` on `uploads`' plain methods.
 *
 * @example
 * const upload = await uploadLarge(core, uploads, { file: { path: './big.jsonl' }, purpose: 'batch' });
 */
export async function uploadLarge(core: OpenAICore, uploads: Omit<UploadsService, 'uploadLarge'>, params: UploadLargeParams, options: RequestOptions = {}): Promise<Upload> {
  await validateParamsAsync(uploadLargeParamsSchema, params, 'params');
  const source = await toLargeSource(params.file);
  const bytes = params.bytes ?? source.size;
  if (bytes === undefined) throw invalid('bytes', 'is required when file is a stream or an async iterable (its size is unknown)');
  if (source.size !== undefined && params.bytes !== undefined && params.bytes !== source.size) throw invalid('bytes', `says ${params.bytes}, but the file holds ${source.size}`);
  if (bytes > MAX_UPLOAD_BYTES) throw invalid('file', `holds ${bytes} bytes; an Upload takes at most ${MAX_UPLOAD_BYTES}`);
  const filename = params.filename ?? source.name;
  if (filename === undefined) throw invalid('filename', 'is required when the file has no name of its own (bytes, a stream, a Blob)');
  const linked = linkSignals([params.signal, options.signal]);
  try {
    return await sendParts(core, uploads, params, options, { source, bytes, filename, partSize: params.partSize ?? MAX_PART_BYTES, signal: linked.signal });
  } finally {
    linked.dispose();
  }
}

interface Plan {
  source: LargeSource;
  bytes: number;
  filename: string;
  partSize: number;
  signal: AbortSignal | undefined;
}

async function sendParts(core: OpenAICore, uploads: Omit<UploadsService, 'uploadLarge'>, params: UploadLargeParams, options: RequestOptions, plan: Plan): Promise<Upload> {
  const { source, bytes, filename, partSize, signal } = plan;
  if (signal?.aborted) throw abortError(signal, 'uploadLarge');

  const upload = await uploads.create({
    filename, purpose: params.purpose, bytes,
    mime_type: params.mimeType ?? source.type ?? contentTypeFor(filename),
    ...(params.expires_after ? { expires_after: params.expires_after } : {}),
  }, { ...options, ...(signal ? { signal } : {}) });

  const partCount = Math.max(1, Math.ceil(bytes / partSize));
  const sent = new Map<number, number>();
  let partsDone = 0;
  const report = () => {
    let loaded = 0;
    for (const value of sent.values()) loaded += value;
    params.onProgress?.({ loaded, total: bytes, partsDone, partCount });
  };
  let partIds: UploadPart[];
  try {
    partIds = await runPool(source.parts(bytes, partSize), params.concurrency ?? 4, async (part, partSignal) => {
      const added = await uploads.addPart(upload.id, { data: part.data }, {
        ...options, signal: partSignal,
        onUploadProgress: (progress) => {
          // Each attempt counts from 0 again; the part's body framing is not the file's bytes.
          sent.set(part.index, Math.min(progress.loaded, part.end - part.start));
          report();
        },
      });
      sent.set(part.index, part.end - part.start);
      partsDone++;
      report();
      return added;
    }, signal);
  } catch (failure) {
    const cancelled = await cancelQuietly(core, uploads, upload.id, options);
    if (signal?.aborted) throw abortError(signal, `uploadLarge of upload ${upload.id} (${cancelled})`);
    throw partError(failure as PoolFailure<FilePart>, partCount, upload.id, cancelled);
  }
  try {
    return await uploads.complete(upload.id, { part_ids: partIds.map((part) => part.id), ...(params.md5 ? { md5: params.md5 } : {}) }, { ...options, ...(signal ? { signal } : {}) });
  } catch (error) {
    // A pending Upload would linger for an hour; an already completed one refuses the cancel, harmlessly.
    await cancelQuietly(core, uploads, upload.id, options);
    throw error;
  }
}

/**
 * Cancels the Upload, without the caller's signal (it may be the very abort that stopped the
 * parts); says how that went, for the error message, and logs a failure.
 */
async function cancelQuietly(core: OpenAICore, uploads: Pick<UploadsService, 'cancel'>, uploadId: string, options: RequestOptions): Promise<string> {
  try {
    await uploads.cancel(uploadId, { maxRetries: options.maxRetries ?? core.config.maxRetries });
    return 'the upload was cancelled';
  } catch (error) {
    core.logger.warn(`uploadLarge: cancelling upload ${uploadId} failed: ${(error as Error).message}`);
    return `cancelling the upload failed too: ${(error as Error).message}`;
  }
}
