/** Images test helpers over the shared msw mock. */
import type { ClientOptions } from '@integrations/openai-core';
import type { RecordedRequest } from '@integrations/openai-testing';
import { MOCK_CLIENT_OPTIONS } from '@integrations/test-kit';
import { createImagesService } from '../src/index.js';

export { caught, useMockOpenAI } from '@integrations/test-kit';

/** An images service against the msw mock, one attempt per call. */
export function mockImages(options: ClientOptions = {}) {
  return createImagesService({ ...MOCK_CLIENT_OPTIONS, ...options });
}

/** The multipart fields of a recorded request, as the server parsed them. */
export function formOf(request: RecordedRequest): Promise<FormData> {
  return new Response(request.bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': request.headers['content-type'] ?? '' } }).formData();
}

/** The width and height in a PNG's header. */
export function pngDimensions(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
