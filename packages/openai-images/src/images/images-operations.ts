/** The operations of the images service, as the official spec names them (see `Operation`). */
import { deferredSchema, defineOperations } from '@integrations/openai-core';
import type { ImageEditParams, ImageGenerateParams, ImageVariationParams } from './images-schemas.js';
import type { ImagesService } from './images.js';

// The schema module (and zod/mini with it) is loaded on the first validation, not on import.
const imageGenerateParamsSchema = deferredSchema(async () => (await import('../schemas.js')).imageGenerateParamsSchema);
const imageEditParamsSchema = deferredSchema(async () => (await import('../schemas.js')).imageEditParamsSchema);
const imageVariationParamsSchema = deferredSchema(async () => (await import('../schemas.js')).imageVariationParamsSchema);

/** `POST /images/generations` (JSON), `POST /images/edits` and `POST /images/variations` (multipart). */
export const imagesOperations = defineOperations<ImagesService>()({
  createImage: {
    operationId: 'createImage', method: 'POST', path: '/images/generations', requestBody: 'json', requestSchema: imageGenerateParamsSchema,
    invoke: (images, { body }) => images.generate(body as ImageGenerateParams),
  },
  createImageEdit: {
    operationId: 'createImageEdit', method: 'POST', path: '/images/edits', requestBody: 'multipart', requestSchema: imageEditParamsSchema,
    invoke: (images, { body }) => images.edit(body as ImageEditParams),
  },
  createImageVariation: {
    operationId: 'createImageVariation', method: 'POST', path: '/images/variations', requestBody: 'multipart', requestSchema: imageVariationParamsSchema,
    invoke: (images, { body }) => images.variations(body as ImageVariationParams),
  },
});
