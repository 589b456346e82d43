/** Which of the two edit shapes a call is: no zod here, so the service decides without loading it. */
import type { ImageEditReferenceParams } from './images-schemas.js';

/**
 * True for an edit by reference (`images` and no `image`), sent as JSON.
 *
 * @example
 * isReferenceEdit({ prompt: 'Add snow', images: [{ file_id: 'file-abc123' }] }); // true
 */
export function isReferenceEdit(params: unknown): params is ImageEditReferenceParams {
  return typeof params === 'object' && params !== null && (params as { images?: unknown }).images !== undefined && (params as { image?: unknown }).image === undefined;
}
