/** Checks that a successful response really is an event stream before the stream reads it. */
import type { ApiKey } from './api-key.js';
import { ResponseError } from './errors.js';

/**
 * Returns `response` when its content type is `text/event-stream`. A JSON or HTML body where
 * a stream was asked for becomes a typed `unexpected_content_type` error.
 */
export async function checkEventStream(response: Response, apiKey: ApiKey): Promise<Response> {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType === '' || /text\/event-stream/i.test(contentType)) return response;
  const preview = await response.text().then((text) => text.slice(0, 200), () => '');
  throw new ResponseError({
    kind: 'unexpected_content_type',
    message: apiKey.redactIn(`Expected an event stream but got content-type "${contentType}": ${JSON.stringify(preview)}`),
    status: response.status,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}
