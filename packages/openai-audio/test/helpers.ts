/** Audio test helpers over the shared msw mock. */
import type { ClientOptions } from '@integrations/openai-core';
import type { RecordedRequest } from '@integrations/openai-testing';
import { MOCK_CLIENT_OPTIONS } from '@integrations/test-kit';
import { createAudioService } from '../src/index.js';

export { caught, useMockOpenAI } from '@integrations/test-kit';

/** An audio service against the msw mock, one attempt per call. */
export function mockAudio(options: ClientOptions = {}) {
  return createAudioService({ ...MOCK_CLIENT_OPTIONS, ...options });
}

/** The multipart fields of a recorded request, as the server parsed them. */
export function formOf(request: RecordedRequest): Promise<FormData> {
  return new Response(request.bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': request.headers['content-type'] ?? '' } }).formData();
}

/** Reads a web stream of bytes to the end. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
