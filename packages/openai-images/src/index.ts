/**
 * @integrations/openai-images: generate, edit and vary images; stream partial images; decode
 * `b64_json` on demand and save images atomically.
 */
export { createImagesService, type ImagesService } from './images/images.js';
// The zod schemas are at `./schemas`: they do not load with this entry.
export type {
  ImageEditParams, ImageEditReferenceParams, ImageEditUploadParams, ImageGenerateParams, ImageReference, ImageVariationParams,
} from './images/images-schemas.js';
export { isReferenceEdit } from './images/is-reference-edit.js';
export type {
  Image, ImageEditCompletedEvent, ImageEditPartialImageEvent, ImageEditStreamEvent, ImageGenCompletedEvent, ImageGenPartialImageEvent,
  ImageGenStreamEvent, ImagesResponse, ImagesStreamUsage, ImagesUsage,
} from './images/images-types.js';
export { ImageStream, type ImageEditStream, type ImageGenerationStream } from './images/image-stream.js';
export { decodeBase64, imageBytes, type ImageSource } from './images/image-bytes.js';
export { saveImages, type SaveImagesOptions } from './images/save-images.js';
export { imagesOperations } from './images/images-operations.js';
// What an images-only user needs from core, so installing this package alone is enough.
export {
  AuthenticationError, ConfigurationError, ContentPolicyError, getResponseMeta, NetworkError, OpenAIError, RateLimitError,
  RequestError, ResourceError, ResponseError, ServerError, toFile,
  type ClientOptions, type RequestOptions, type ResponseMeta, type Uploadable,
} from '@integrations/openai-core';
