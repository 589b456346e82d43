/**
 * The images service: `generate` (JSON), `edit` and `variations` (multipart uploads of any
 * shape), and the streamed `generateStream` and `editStream`, each a few lines on core.
 */
import {
  createOpenAICore, rejectingMethods, RequestError, SseStream,
  type ClientOptions, type FormValue, type OpenAICore, type RequestOptions,
} from '@integrations/openai-core';
import { ImageStream, type ImageEditStream, type ImageGenerationStream } from './image-stream.js';
import { imagesOperations as operations } from './images-operations.js';
import type { ImageEditParams, ImageGenerateParams, ImageVariationParams } from './images-schemas.js';
import { isReferenceEdit } from './is-reference-edit.js';
import type { ImageEditCompletedEvent, ImageEditStreamEvent, ImageGenCompletedEvent, ImageGenStreamEvent, ImagesResponse } from './images-types.js';

const { createImage, createImageEdit, createImageVariation } = operations;

/** Images. */
export interface ImagesService {
  /** Generates images from a prompt. `stream: true` belongs to `generateStream`. */
  generate(params: ImageGenerateParams, options?: RequestOptions): Promise<ImagesResponse>;
  /** A streamed generation (GPT image models): partial images, then the completed image. */
  generateStream(params: ImageGenerateParams, options?: RequestOptions): ImageGenerationStream;
  /**
   * Edits one image or several (up to 16), optionally within a mask: uploaded (`image`, sent as
   * multipart) or by reference (`images: [{ image_url } | { file_id }]`, sent as JSON).
   */
  edit(params: ImageEditParams, options?: RequestOptions): Promise<ImagesResponse>;
  /** A streamed edit: partial images, then the completed image. */
  editStream(params: ImageEditParams, options?: RequestOptions): ImageEditStream;
  /** Variations of one image (dall-e-2). */
  variations(params: ImageVariationParams, options?: RequestOptions): Promise<ImagesResponse>;
}

function refuseStream(params: { stream?: boolean | null } | undefined, method: string): void {
  if (params?.stream === true) {
    throw new RequestError({ kind: 'validation', message: `stream: true is for ${method}Stream(); ${method}() returns one response.`, issues: [{ path: 'stream', message: `use ${method}Stream()` }] });
  }
}

const asForm = (params: object) => params as Record<string, FormValue>;

/**
 * Creates the images service from client options or a shared core.
 *
 * @example
 * const images = createImagesService({ apiKey: process.env.OPENAI_API_KEY });
 * const result = await images.generate({ model: 'gpt-image-1', prompt: 'A lighthouse at dusk' });
 * await saveImages(result, './out'); // ['./out/image-1767225600-0.png']
 */
export function createImagesService(configOrCore: ClientOptions | OpenAICore = {}): ImagesService {
  const core = createOpenAICore(configOrCore);
  return rejectingMethods<ImagesService>({
    generate(params, options) {
      refuseStream(params, 'generate');
      return core.post<ImagesResponse>(createImage.path, { body: params, schema: createImage.requestSchema }, options);
    },
    generateStream(params, options) {
      const body = { ...params, stream: true };
      return new ImageStream<ImageGenStreamEvent, ImageGenCompletedEvent>(
        core.stream<ImageGenStreamEvent>(createImage.path, { body, schema: createImage.requestSchema, terminal: 'eof' }, options),
        'image_generation.completed',
      );
    },
    edit(params, options) {
      refuseStream(params, 'edit');
      const init = { body: params, schema: createImageEdit.requestSchema };
      if (isReferenceEdit(params)) return core.post<ImagesResponse>(createImageEdit.path, init, options);
      return core.postMultipart<ImagesResponse>(createImageEdit.path, { ...init, body: asForm(params) }, options);
    },
    editStream(params, options) {
      const body = { ...params, stream: true };
      // Uploads go as multipart; either way the stream ends with the body, not with `[DONE]`.
      const init = isReferenceEdit(params) ? { body } : { body: asForm(body), multipart: true };
      const events = core.stream<ImageEditStreamEvent>(createImageEdit.path, { ...init, schema: createImageEdit.requestSchema, terminal: 'eof' }, options);
      return new ImageStream<ImageEditStreamEvent, ImageEditCompletedEvent>(events, 'image_edit.completed');
    },
    variations: (params, options) => core.postMultipart<ImagesResponse>(createImageVariation.path, { body: asForm(params), schema: createImageVariation.requestSchema }, options),
  }, {
    generateStream: (error) => new ImageStream(SseStream.failed(error), 'image_generation.completed'),
    editStream: (error) => new ImageStream(SseStream.failed(error), 'image_edit.completed'),
  });
}
