/**
 * Decodes a `b64_json` image into bytes, on demand: results keep the base64 text the API sent,
 * and nothing is decoded until asked. Uses `Buffer` where the runtime has one (several times
 * faster than `atob`).
 *
 * The bytes own their memory (`byteOffset` 0, `buffer.byteLength` equal to their length): a
 * small `Buffer` is a view into Node's shared 8 KiB pool, and bytes that kept that view would
 * expose, through `.buffer`, whatever else the process put there (API keys, request bodies).
 */
import { RequestError, ResponseError } from '@integrations/openai-core';
import type { Image, ImagesResponse } from './images-types.js';

/** Standard base64, padded or not, with optional line breaks. */
const BASE64 = /^(?:[A-Za-z0-9+/]|\r?\n)*={0,2}$/;

type BufferLike = { from(text: string, encoding: 'base64'): Uint8Array };

/** Anything that holds an image: a whole response (pick one with `index`), one `Image`, or a stream event. */
export type ImageSource = ImagesResponse | Image | { b64_json: string };

/**
 * Decodes base64 text into bytes that own their buffer.
 *
 * @example
 * decodeBase64('iVBORw0KGgo='); // Uint8Array(8) [137, 80, 78, 71, 13, 10, 26, 10]
 */
export function decodeBase64(base64: string): Uint8Array {
  // `Buffer.from(text, 'base64')` skips characters it does not know: garbage would decode to a
  // few bytes and be saved as an "image". The alphabet (and padding) is checked first.
  if (typeof base64 !== 'string' || !BASE64.test(base64)) {
    throw new ResponseError({ kind: 'invalid_response', message: 'The image data is not base64 (b64_json holds other characters).' });
  }
  // Looked up per call, not at import, so a runtime (or a test) without `Buffer` takes the atob path.
  const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (NodeBuffer === undefined) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return bytes;
  }
  const decoded = NodeBuffer.from(base64, 'base64');
  const length = decoded.byteLength;
  // A plain Uint8Array over the same memory when the Buffer has it to itself (large images);
  // a copy when it is pooled or over-allocated (padding makes the estimate a little too big).
  if (decoded.byteOffset === 0 && decoded.buffer.byteLength === length) return new Uint8Array(decoded.buffer, 0, length);
  const bytes = new Uint8Array(length);
  bytes.set(decoded);
  return bytes;
}

function imageAt(source: ImageSource, index: number): Image {
  if (typeof source !== 'object' || source === null) {
    throw new RequestError({ kind: 'validation', message: 'imageBytes needs an images result, an image or a stream event.', issues: [{ path: 'source', message: 'must be an object' }] });
  }
  const data = (source as ImagesResponse).data;
  if (!Array.isArray(data)) return source as Image;
  const image = data[index];
  if (image === undefined) {
    throw new RequestError({ kind: 'validation', message: `The result holds ${data.length} image(s); there is no image ${index}.`, issues: [{ path: `data[${index}]`, message: 'no such image' }] });
  }
  return image;
}

/**
 * The bytes of image `index` of a result (or of one image, or of a stream event), decoded now.
 * A URL-only image has no bytes here: ask with `response_format: 'b64_json'`, or download it.
 *
 * @example
 * const result = await images.generate({ model: 'gpt-image-1', prompt: 'A lighthouse at dusk' });
 * const png = imageBytes(result, 0); // Uint8Array
 */
export function imageBytes(source: ImageSource, index = 0): Uint8Array {
  const image = imageAt(source, index);
  if (typeof image?.b64_json !== 'string') {
    const url = typeof image?.url === 'string' ? ` (it has a url, ${image.url.slice(0, 80)})` : '';
    throw new RequestError({
      kind: 'validation',
      message: `Image ${index} has no b64_json${url}: ask with response_format: 'b64_json', or download the url.`,
      issues: [{ path: `data[${index}].b64_json`, message: 'missing' }],
    });
  }
  return decodeBase64(image.b64_json);
}

/** The file extension the bytes' signature names (PNG, JPEG, WebP, GIF), or undefined. */
export function imageExtension(bytes: Uint8Array): 'png' | 'jpeg' | 'webp' | 'gif' | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46 && bytes[8] === 0x57 && bytes[9] === 0x45) return 'webp';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'gif';
  return undefined;
}
