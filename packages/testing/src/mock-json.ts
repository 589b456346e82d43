/** JSON answers of the files, uploads and batches routes, shaped like the API's. */
import { apiError } from './faults.js';

/** A JSON response with the mock's request id. */
export function jsonAnswer(body: unknown, requestId: string, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': requestId, 'openai-processing-ms': '1' } });
}

/** A 400 `invalid_request_error`, naming the offending parameter. */
export function badRequest(message: string, requestId: string, param: string | null = null): Response {
  return jsonAnswer(apiError(message, 'invalid_request_error', null, param), requestId, 400);
}

/** A 404 for an id the mock does not know. */
export function notFound(what: string, id: string, requestId: string): Response {
  return jsonAnswer(apiError(`No such ${what}: '${id}'`, 'invalid_request_error', 'not_found', null), requestId, 404);
}

/** Parses a multipart body as the API would, or undefined when it is not one. */
export async function formOf(bytes: Uint8Array, contentType: string | undefined): Promise<FormData | undefined> {
  try {
    return await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType ?? '' } }).formData();
  } catch {
    return undefined;
  }
}

/** Unix seconds now. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
