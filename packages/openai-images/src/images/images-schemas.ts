/**
 * Parameters of the images endpoints. `generate` uses the schema and closed type generated
 * from the spec (../generated/create-image.ts); edits and variations are multipart bodies,
 * which the generator does not read yet, so their schemas are written here from the spec's
 * CreateImageEditRequest and CreateImageVariationRequest. All three add the model rules the
 * spec states in prose (image-model-rules.ts).
 */
import { lazySchema, type LazySchema, type ParamsSchema, type Uploadable } from '@integrations/openai-core';
import * as z from 'zod/mini';
import { createImageRequestSchema, type CreateImageRequest } from '../generated/create-image.js';
import { editImageBodyJsonParamSchema, type EditImageBodyJsonParam, type ImageRefParam } from '../generated/create-image-edit.js';
import { editImagesSchema, imageUploadSchema, knownSize, MAX_DALL_E_IMAGE_BYTES } from './image-uploads.js';
import { familyOf, modelIssues } from './image-model-rules.js';
import { isReferenceEdit } from './is-reference-edit.js';

/** The parameters of `generate`: closed, so a misspelt field fails to compile. */
export type ImageGenerateParams = CreateImageRequest;

/** An image by reference: `{ image_url }` (a URL or a data URL) or `{ file_id }` (an uploaded file). */
export type ImageReference = ImageRefParam;

/** An edit of images by reference (`images`, sent as JSON; GPT image models). */
export type ImageEditReferenceParams = EditImageBodyJsonParam;

/** An edit of uploaded images (`image`, sent as multipart/form-data): one image or several (up to 16), an optional mask, and the options. */
export interface ImageEditUploadParams {
  /** The image(s) to edit: any upload (`Blob`/`File`, bytes, a stream, `{ path }`, `toFile(...)`), or an array of them. */
  image: Uploadable | Uploadable[];
  /** What to do: up to 1000 characters for dall-e-2, 32000 for GPT image models. */
  prompt: string;
  /** A PNG whose fully transparent areas mark where to edit (the first image), smaller than 4 MB. */
  mask?: Uploadable;
  background?: 'transparent' | 'opaque' | 'auto' | null;
  model?: 'gpt-image-1.5' | 'gpt-image-2' | 'gpt-image-2-2026-04-21' | 'dall-e-2' | 'gpt-image-1' | 'gpt-image-1-mini' | 'chatgpt-image-latest' | (string & {}) | null;
  /** 1 to 10. */
  n?: number | null;
  size?: '256x256' | '512x512' | '1024x1024' | '1536x1024' | '1024x1536' | 'auto' | (string & {}) | null;
  /** dall-e-2 only: GPT image models always return `b64_json`. */
  response_format?: 'url' | 'b64_json' | null;
  output_format?: 'png' | 'jpeg' | 'webp' | null;
  /** 0 to 100, with `output_format` jpeg or webp. */
  output_compression?: number | null;
  user?: string;
  input_fidelity?: 'high' | 'low' | null;
  /** Set by `editStream`; `edit` returns one response. */
  stream?: boolean | null;
  /** 0 to 3 partial images while streaming. */
  partial_images?: number | null;
  quality?: 'standard' | 'low' | 'medium' | 'high' | 'auto' | null;
}

/** The parameters of `edit`: uploaded images (`image`) or images by reference (`images`). */
export type ImageEditParams = ImageEditUploadParams | ImageEditReferenceParams;

/** The parameters of `variations` (dall-e-2). */
export interface ImageVariationParams {
  /** A square PNG smaller than 4 MB. */
  image: Uploadable;
  model?: 'dall-e-2' | (string & {}) | null;
  /** 1 to 10. */
  n?: number | null;
  response_format?: 'url' | 'b64_json' | null;
  size?: '256x256' | '512x512' | '1024x1024' | null;
  user?: string;
}

type Refinable = { check(...checks: unknown[]): unknown };

/** Adds the model rules of `operation` to an object schema, each issue at its field. */
function withModelRules<S>(schema: S, operation: 'generate' | 'edit', extra?: (params: Record<string, unknown>) => Array<{ path: string; message: string }>): S {
  return (schema as unknown as Refinable).check(z.superRefine((params: Record<string, unknown>, context) => {
    for (const issue of [...modelIssues(operation, params), ...(extra?.(params) ?? [])]) {
      context.addIssue({ code: 'custom', message: issue.message, path: [issue.path], input: params[issue.path] });
    }
  })) as S;
}

const nullable = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const responseFormat = () => nullable(z.enum(['url', 'b64_json']));
const count = () => nullable(z.int().check(z.gte(1), z.lte(10)));

/** dall-e-2 edits take images and masks smaller than 4 MB. */
function dallE2EditSizes(params: Record<string, unknown>) {
  if (familyOf(params.model) !== 'dall-e-2') return [];
  const images = Array.isArray(params.image) ? params.image : [params.image];
  return images.some((image) => (knownSize(image) ?? 0) >= MAX_DALL_E_IMAGE_BYTES) ? [{ path: 'image', message: 'dall-e-2 takes a PNG smaller than 4 MB' }] : [];
}

/** Validates `generate`'s params: the generated schema plus the model rules. */
export const imageGenerateParamsSchema: LazySchema<ParamsSchema<ImageGenerateParams>> = lazySchema(() => withModelRules(createImageRequestSchema(), 'generate'));

/** Validates an edit of uploads before any byte is read or sent; unknown fields pass through. */
export const imageEditUploadParamsSchema: LazySchema<ParamsSchema<ImageEditUploadParams>> = lazySchema(() => withModelRules(z.looseObject({
  image: editImagesSchema(),
  prompt: z.string().check(z.minLength(1), z.maxLength(32000)),
  mask: z.optional(imageUploadSchema(MAX_DALL_E_IMAGE_BYTES)),
  background: nullable(z.enum(['transparent', 'opaque', 'auto'])),
  model: nullable(z.string().check(z.minLength(1))),
  n: count(),
  size: nullable(z.string()),
  response_format: responseFormat(),
  output_format: nullable(z.enum(['png', 'jpeg', 'webp'])),
  output_compression: nullable(z.int().check(z.gte(0), z.lte(100))),
  user: z.optional(z.string()),
  input_fidelity: nullable(z.enum(['high', 'low'])),
  stream: nullable(z.boolean()),
  partial_images: nullable(z.int().check(z.gte(0), z.lte(3))),
  quality: nullable(z.enum(['standard', 'low', 'medium', 'high', 'auto'])),
}), 'edit', dallE2EditSizes));

/** Validates an edit by reference: the schema generated from the spec's JSON body, plus the model rules. */
export const imageEditReferenceParamsSchema: LazySchema<ParamsSchema<ImageEditReferenceParams>> = lazySchema(() => withModelRules(editImageBodyJsonParamSchema(), 'edit'));

/** Validates `edit`'s params: by reference when they hold `images` (and no `image`), else as uploads. */
export const imageEditParamsSchema: LazySchema<ParamsSchema<ImageEditParams>> = lazySchema(() => ({
  safeParse: (value: unknown, context?: { reportInput?: boolean }) =>
    (isReferenceEdit(value) ? imageEditReferenceParamsSchema() : imageEditUploadParamsSchema()).safeParse(value, context),
}));

/** Validates `variations`' params before any byte is read or sent; unknown fields pass through. */
export const imageVariationParamsSchema: LazySchema<ParamsSchema<ImageVariationParams>> = lazySchema(() => z.looseObject({
  image: imageUploadSchema(MAX_DALL_E_IMAGE_BYTES),
  model: nullable(z.string().check(z.minLength(1))),
  n: count(),
  response_format: responseFormat(),
  size: nullable(z.enum(['256x256', '512x512', '1024x1024'])),
  user: z.optional(z.string()),
}));
