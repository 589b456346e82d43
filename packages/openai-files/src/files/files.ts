/**
 * The files service: upload, list, retrieve, delete, download (whole, streamed, or to disk) and
 * wait for processing; `files.uploads` is the Uploads API for files of up to 8 GB.
 */
import {
  createOpenAICore, createPagedList, deferredSchema, failedByteStream, failedList, getResponseMeta, OpenAIError, poll, RequestError, rejectingMethods,
  validateParamsAsync, type ByteStream, type ClientOptions, type CursorPage, type FormValue, type OpenAICore, type PagedList, type RequestOptions,
} from '@integrations/openai-core';
import { attachResponseMeta } from '@integrations/openai-core/internal';
import { createUploadsService, type UploadsService } from '../uploads/uploads.js';
import { filesOperations as operations } from './files-operations.js';
import type { FileListParams, FileUploadParams } from './files-schemas.js';
import type { FileDeleted, FileObject } from './files-types.js';
import { resolveWaitOptions, type WaitOptions } from './wait-options.js';

// Loaded (with zod) on the first `list`, not when the package is imported.
const fileListParamsSchema = deferredSchema(async () => (await import('../schemas.js')).fileListParamsSchema);

/** The spec declares the content of `GET /files/{file_id}/content` as `application/json`. */
const CONTENT_ACCEPT = 'application/json';

/** Where `download` wrote a file. */
export interface DownloadResult {
  path: string;
  bytes: number;
}

/** Files. */
export interface FilesService {
  /** Uploads a file (streamed; `options.onUploadProgress` reports bytes sent). Up to 512 MB; larger files go through `uploads.uploadLarge`. */
  upload(params: FileUploadParams, options?: RequestOptions): Promise<FileObject>;
  /** Your files: `await` for a page, or `for await` over every file. */
  list(params?: FileListParams, options?: RequestOptions): PagedList<FileObject>;
  retrieve(fileId: string, options?: RequestOptions): Promise<FileObject>;
  delete(fileId: string, options?: RequestOptions): Promise<FileDeleted>;
  /** The whole content, in memory. Prefer `contentStream` or `download` for large files. */
  content(fileId: string, options?: RequestOptions): Promise<ArrayBuffer>;
  /**
   * The content as a web stream, started at once: `await stream.responseMeta` for the headers (a
   * missing file rejects it, and the first read, with a typed 404); `cancel()`, `abort()` or
   * `options.signal` stops it.
   */
  contentStream(fileId: string, options?: RequestOptions): ByteStream;
  /** Node: streams the content to `path`, atomically (a temp file beside it, then a rename); nothing is left at `path` on failure. */
  download(fileId: string, path: string, options?: RequestOptions): Promise<DownloadResult>;
  /** Polls until the file is `processed` or `error`; a typed `timeout` at the deadline. */
  waitForProcessing(fileId: string, options?: WaitOptions): Promise<FileObject>;
  /** The Uploads API (`create`, `addPart`, `complete`, `cancel`, `uploadLarge`). */
  readonly uploads: UploadsService;
}

function checkPath(path: unknown): string {
  if (typeof path === 'string' && path.trim() !== '') return path;
  throw new RequestError({ kind: 'validation', message: 'path must be a non-empty string naming the file to write', issues: [{ path: 'path', message: 'must be a non-empty string' }] });
}

/**
 * Creates the files service from client options or a shared core.
 *
 * @example
 * const files = createFilesService({ apiKey: process.env.OPENAI_API_KEY });
 * const file = await files.upload({ file: { path: './train.jsonl' }, purpose: 'fine-tune' });
 * await files.download(file.id, './copy.jsonl');
 */
export function createFilesService(configOrCore: ClientOptions | OpenAICore = {}): FilesService {
  const core = createOpenAICore(configOrCore);
  const { createFile, listFiles, retrieveFile, deleteFile, downloadFile } = operations;
  const retrieve = (fileId: string, options?: RequestOptions) => core.get<FileObject>(retrieveFile.path, { pathParams: { file_id: fileId } }, options);
  const contentStream = (fileId: string, options?: RequestOptions) =>
    core.byteStream(downloadFile.path, { pathParams: { file_id: fileId }, accept: CONTENT_ACCEPT }, options);

  const service = rejectingMethods<Omit<FilesService, 'uploads'>>({
    upload: (params, options) => core.postMultipart<FileObject>(createFile.path, { body: params as unknown as Record<string, FormValue>, schema: createFile.requestSchema }, options),
    list(params, options) {
      // The query is checked before the first page is asked for: a bad one fails the first read.
      const query = validateParamsAsync(fileListParamsSchema, params ?? {}, 'params');
      query.catch(() => undefined);
      return createPagedList<FileObject>(async (after) => core.get<CursorPage<FileObject>>(listFiles.path, { query: { ...(await query), ...(after ? { after } : {}) } }, options));
    },
    retrieve,
    delete: (fileId, options) => core.delete<FileDeleted>(deleteFile.path, { pathParams: { file_id: fileId } }, options),
    async content(fileId, options) {
      const binary = await core.getBinary(downloadFile.path, { pathParams: { file_id: fileId }, accept: CONTENT_ACCEPT }, options);
      const { data } = binary;
      const buffer = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data.buffer as ArrayBuffer : data.slice().buffer;
      return attachResponseMeta(buffer, getResponseMeta(binary)!);
    },
    contentStream,
    async download(fileId, path, options) {
      const target = checkPath(path);
      const stream = contentStream(fileId, options);
      // A failed request (a 404, say) rejects here, before any temp file is made.
      const meta = await stream.responseMeta;
      try {
        // Node's fs loads on the first download, not with the package.
        const { writeFileAtomically } = await import('@integrations/openai-core/write-file');
        const bytes = await writeFileAtomically(stream, target);
        return attachResponseMeta({ path: target, bytes }, meta);
      } catch (error) {
        // The file could not be written (or the body failed): free the socket if the body is still unread.
        stream.cancel().catch(() => undefined);
        if (OpenAIError.isInstance(error)) throw error;
        throw new RequestError({ kind: 'file_write_failed', message: `Cannot write the download to ${JSON.stringify(target)}: ${(error as Error).message}`, cause: error });
      }
    },
    async waitForProcessing(fileId, options) {
      const { poll: settings, request } = await resolveWaitOptions(options, 30 * 60_000);
      return poll((signal) => retrieve(fileId, { ...request, ...(signal ? { signal } : {}) }), {
        ...settings,
        isDone: (file) => file.status === 'processed' || file.status === 'error',
      });
    },
  }, { list: failedList, contentStream: failedByteStream });
  // A sub-service, not a method: kept out of the enumerable keys that method walks read.
  Object.defineProperty(service, 'uploads', { value: createUploadsService(core), enumerable: false });
  return service as FilesService;
}
