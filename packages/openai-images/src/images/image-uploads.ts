/**
 * The file fields of multipart image requests: any upload core streams, present and not
 * empty, and within the size the spec states when the size is known without reading (Blobs,
 * bytes; a `{ path }` or a stream is measured by the server).
 */
import { isUploadable, lazySchema, type Uploadable, type UploadFile } from '@integrations/openai-core';
import * as z from 'zod/mini';

const MiB = 1024 * 1024;
/** "less than 50MB" per image for the GPT image models. */
export const MAX_IMAGE_BYTES = 50 * MiB;
/** "less than 4MB": dall-e-2 images, masks and variation sources. */
export const MAX_DALL_E_IMAGE_BYTES = 4 * MiB;

/** The byte size of an upload when it is known without reading it; undefined otherwise. */
export function knownSize(value: unknown): number | undefined {
  if ((value as UploadFile | undefined)?.kind === 'upload-file') return knownSize((value as UploadFile).data);
  if (typeof Blob !== 'undefined' && value instanceof Blob) return value.size;
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return value.byteLength;
  return undefined;
}

const UPLOAD_MESSAGE = 'expected an image file: a Blob/File, bytes, a ReadableStream, an async iterable of bytes, { path } or toFile(...)';

/** One image file of at most `maxBytes` (when its size is known). */
export function imageUploadSchema(maxBytes: number) {
  return z.custom<Uploadable>((value) => isUploadable(value), { error: UPLOAD_MESSAGE }).check(
    z.refine((value) => knownSize(value) !== 0, { message: 'the file is empty' }),
    z.refine((value) => (knownSize(value) ?? 0) < maxBytes, { message: `the file must be smaller than ${maxBytes / MiB} MB` }),
  );
}

/** `image` of an edit: one file, or 1 to 16 files (the spec's `maxItems`). */
export const editImagesSchema = lazySchema(() => z.union([
  imageUploadSchema(MAX_IMAGE_BYTES),
  z.array(imageUploadSchema(MAX_IMAGE_BYTES)).check(z.minLength(1), z.maxLength(16)),
]));
