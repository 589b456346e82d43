/**
 * `POST /files` is a multipart body, which the generator does not read yet (docs/schemas.md):
 * this schema is written by hand from the spec's CreateFileRequest, with `file` accepting
 * every upload core's multipart encoder streams. The list query follows listFiles' parameters.
 */
import { isUploadable, lazySchema, type LazySchema, type ParamsSchema, type Uploadable } from '@integrations/openai-core';
import * as z from 'zod/mini';
import { FILE_UPLOAD_PURPOSES } from './file-purposes.js';


/** When an uploaded file expires (the spec's FileExpirationAfter). */
export interface FileExpiresAfter {
  anchor: 'created_at';
  /** Between 3600 (1 hour) and 2592000 (30 days). */
  seconds: number;
}

/** The fields of `files.upload`. */
export interface FileUploadParams {
  /** A Blob/File, bytes, a web ReadableStream, an async iterable of bytes, `{ path }` (Node) or `toFile(...)`. */
  file: Uploadable;
  purpose: (typeof FILE_UPLOAD_PURPOSES)[number];
  expires_after?: FileExpiresAfter;
}

/** The query of `files.list`; unknown keys are sent as given. */
export interface FileListParams {
  /** A file id: the page starts after it. */
  after?: string;
  /** 1 to 10,000 (the API's default). */
  limit?: number;
  order?: 'asc' | 'desc';
  purpose?: string;
}

const UPLOAD_MESSAGE = 'expected a file: a Blob/File, bytes, a ReadableStream, an async iterable of bytes, { path } or toFile(...)';

/** An upload value, for any multipart file field. */
export const uploadableSchema = lazySchema(() => z.custom<Uploadable>((value) => isUploadable(value), { error: UPLOAD_MESSAGE }));

/** The spec's FileExpirationAfter, shared by files and uploads. */
export const expiresAfterSchema = lazySchema(() => z.looseObject({
  anchor: z.literal('created_at'),
  seconds: z.int().check(z.gte(3600), z.lte(2_592_000)),
}));

/** Validates `files.upload` before any byte is read or sent; unknown fields pass through. */
export const fileUploadParamsSchema: LazySchema<ParamsSchema<FileUploadParams>> = lazySchema(() => z.looseObject({
  file: uploadableSchema(),
  purpose: z.enum(FILE_UPLOAD_PURPOSES),
  expires_after: z.optional(expiresAfterSchema()),
}));

/** Validates the query of `files.list`. */
export const fileListParamsSchema: LazySchema<ParamsSchema<FileListParams>> = lazySchema(() => z.looseObject({
  after: z.optional(z.string().check(z.minLength(1))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
  order: z.optional(z.enum(['asc', 'desc'])),
  purpose: z.optional(z.string()),
}));
