/**
 * Response types of the images endpoints, as the spec names them (ImagesResponse, Image,
 * ImageGenUsage, and the stream events of generations and edits). Responses are not validated;
 * these types describe what the API sends.
 */

/** One generated image: base64 bytes (GPT image models, or `response_format: 'b64_json'`) or a URL. */
export interface Image {
  /** The image, base64-encoded. Decode it with `imageBytes(result, index)` when you need the bytes. */
  b64_json?: string;
  /** Where to download the image (dall-e with `response_format: 'url'`); valid for 60 minutes. */
  url?: string;
  /** The prompt dall-e-3 actually used, when it revised yours. */
  revised_prompt?: string;
}

/** Token usage of a GPT image model call (the spec's ImageGenUsage). */
export interface ImagesUsage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  input_tokens_details: { text_tokens: number; image_tokens: number };
  output_tokens_details?: { image_tokens: number; text_tokens: number };
}

/** Token usage reported by a stream's completed event (the spec's ImagesUsage). */
export interface ImagesStreamUsage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  input_tokens_details: { text_tokens: number; image_tokens: number };
}

/** The answer of `generate`, `edit` and `variations`. */
export interface ImagesResponse {
  /** Unix seconds. */
  created: number;
  data?: Image[];
  background?: 'transparent' | 'opaque';
  output_format?: 'png' | 'webp' | 'jpeg';
  size?: '1024x1024' | '1024x1536' | '1536x1024' | (string & {});
  quality?: 'low' | 'medium' | 'high' | (string & {});
  /** GPT image models only. */
  usage?: ImagesUsage;
}

/** Fields every image stream event carries. */
interface ImageStreamEventFields {
  /** The (partial or final) image, base64-encoded. */
  b64_json: string;
  /** Unix seconds. */
  created_at: number;
  size: '1024x1024' | '1024x1536' | '1536x1024' | 'auto' | (string & {});
  quality: 'low' | 'medium' | 'high' | 'auto';
  background: 'transparent' | 'opaque' | 'auto';
  output_format: 'png' | 'webp' | 'jpeg';
}

/** A partial image of a streamed generation. */
export interface ImageGenPartialImageEvent extends ImageStreamEventFields {
  type: 'image_generation.partial_image';
  /** 0-based. */
  partial_image_index: number;
}

/** The final image of a streamed generation. */
export interface ImageGenCompletedEvent extends ImageStreamEventFields {
  type: 'image_generation.completed';
  usage: ImagesStreamUsage;
}

/** A partial image of a streamed edit. */
export interface ImageEditPartialImageEvent extends ImageStreamEventFields {
  type: 'image_edit.partial_image';
  /** 0-based. */
  partial_image_index: number;
}

/** The final image of a streamed edit. */
export interface ImageEditCompletedEvent extends ImageStreamEventFields {
  type: 'image_edit.completed';
  usage: ImagesStreamUsage;
}

/** An event of `generateStream`. */
export type ImageGenStreamEvent = ImageGenPartialImageEvent | ImageGenCompletedEvent;

/** An event of `editStream`. */
export type ImageEditStreamEvent = ImageEditPartialImageEvent | ImageEditCompletedEvent;
