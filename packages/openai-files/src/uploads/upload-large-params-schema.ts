/** The schema of `uploads.uploadLarge`'s parameters: loaded (with zod) on the first call. */
import { isUploadable, lazySchema, type LazySchema, type ParamsSchema, type Uploadable } from '@integrations/openai-core';
import * as z from 'zod/mini';
import type { UploadLargeParams } from './upload-large-params.js';
import { MAX_PART_BYTES, MAX_UPLOAD_BYTES } from './upload-limits.js';

const isSignal = (value: unknown) => typeof value === 'object' && value !== null && typeof (value as AbortSignal).addEventListener === 'function' && 'aborted' in value;

/** Validates `uploadLarge` params; unknown fields are refused (they would go nowhere). */
export const uploadLargeParamsSchema: LazySchema<ParamsSchema<UploadLargeParams>> = lazySchema(() => z.strictObject({
  file: z.custom<Uploadable>((value) => isUploadable(value), { error: 'expected a file: { path }, a Blob/File, bytes, a ReadableStream or an async iterable of bytes' }),
  purpose: z.enum(['assistants', 'batch', 'fine-tune', 'vision']),
  filename: z.optional(z.string().check(z.minLength(1))),
  mimeType: z.optional(z.string().check(z.minLength(1))),
  bytes: z.optional(z.int().check(z.gte(0), z.lte(MAX_UPLOAD_BYTES))),
  partSize: z.optional(z.int().check(z.gte(1), z.lte(MAX_PART_BYTES))),
  concurrency: z.optional(z.int().check(z.gte(1), z.lte(64))),
  onProgress: z.optional(z.custom<UploadLargeParams['onProgress']>((value) => typeof value === 'function', { error: 'must be a function' })),
  signal: z.optional(z.custom<AbortSignal>(isSignal, { error: 'must be an AbortSignal' })),
  expires_after: z.optional(z.looseObject({ anchor: z.literal('created_at'), seconds: z.int().check(z.gte(3600), z.lte(2_592_000)) })),
  md5: z.optional(z.string().check(z.minLength(1))),
}));
