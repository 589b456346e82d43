/** The operations of the images service, as the official spec names them (see `Operation`). */
import { defineOperations } from '@integrations/openai-core';
import { imageEditParamsSchema, imageGenerateParamsSchema, imageVariationParamsSchema, type ImageEditParams, type ImageGenerateParams, type ImageVariationParams } from './images-schemas.js';
import type { ImagesService } from './images.js';

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
