/**
 * Reads and parses a response body inside the attempt, so the per-attempt timeout covers it
 * and a reset or a bad body is a typed (and retryable, where it makes sense) error.
 */
import type { ApiKey } from '../config/api-key.js';
import { classifyFailure } from '../errors/classify-failure.js';
import { ResponseError } from '../errors/errors.js';

/** What a body failure needs to be classified. */
export interface BodyContext {
  callerSignal?: AbortSignal;
  timeoutSignal?: AbortSignal;
  timeoutMs?: number;
  host?: string;
}

/** The whole body as bytes; a cut connection becomes a typed `connection_reset`. */
export async function readBodyBytes(response: Response, context: BodyContext): Promise<Uint8Array> {
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw classifyFailure(error, { ...context, phase: 'body' });
  }
}

const decoder = new TextDecoder();

/** The body as text (read as in `readBodyBytes`, decoded without a view over the buffer: one async step fewer). */
export async function readBodyText(response: Response, context: BodyContext): Promise<string> {
  let buffer: ArrayBuffer;
  try {
    buffer = await response.arrayBuffer();
  } catch (error) {
    throw classifyFailure(error, { ...context, phase: 'body' });
  }
  return decoder.decode(buffer);
}

function isJsonContentType(contentType: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType.trim());
}

function responseFailure(kind: string, message: string, response: Response, apiKey: ApiKey, cause?: unknown): ResponseError {
  return new ResponseError({
    kind,
    message: apiKey.redactIn(message),
    status: response.status,
    requestId: response.headers.get('x-request-id') ?? undefined,
    retryable: false,
    cause,
  });
}

/**
 * Parses a 2xx JSON body. Empty bodies, HTML pages, other content types and bad JSON are
 * typed `ResponseError`s of kinds `empty_body`, `unexpected_content_type` and `invalid_json`.
 */
export function parseJsonBody(text: string, response: Response, apiKey: ApiKey): unknown {
  // A page labelled HTML is refused even when it parses (a proxy's error page can be JSON-ish).
  // Otherwise parsed first: a good body needs no trimmed copy and no look at its first
  // characters; what went wrong is worked out only when parsing fails.
  const contentType = response.headers.get('content-type') ?? '';
  if (/text\/html/i.test(contentType)) throw unparsedBodyError(text, response, apiKey, undefined);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw unparsedBodyError(text, response, apiKey, error);
  }
}

/** Why a 2xx body did not parse: empty, an HTML page, another content type, or bad JSON. */
function unparsedBodyError(text: string, response: Response, apiKey: ApiKey, error: unknown): ResponseError {
  const contentType = response.headers.get('content-type') ?? '';
  const trimmed = text.trim();
  if (trimmed === '') {
    return responseFailure('empty_body', `Expected a JSON body but the response (status ${response.status}) was empty.`, response, apiKey);
  }
  if (/text\/html/i.test(contentType) || /^<(!doctype|html)/i.test(trimmed)) {
    return responseFailure('unexpected_content_type', `Expected JSON but the server returned an HTML page (status ${response.status}); a proxy may be in the way.`, response, apiKey);
  }
  if (contentType !== '' && !isJsonContentType(contentType)) {
    return responseFailure('unexpected_content_type', `Expected JSON but got content-type "${contentType}".`, response, apiKey, error);
  }
  return responseFailure('invalid_json', `The response body is not valid JSON (${text.length} characters; it may have been truncated).`, response, apiKey, error);
}
