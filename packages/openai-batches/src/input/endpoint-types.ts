/**
 * Request and response bodies per batch endpoint, typed by the domain packages when they are
 * installed (optional peer dependencies, type imports only); any other endpoint is `unknown`.
 */
import type { ChatCompletion, ChatCompletionCreateParams } from '@integrations/openai-chat';
import type { CreateEmbeddingResponse, EmbeddingCreateParams } from '@integrations/openai-embeddings';
import type { ModerationCreateParams, ModerationResponse } from '@integrations/openai-moderations';

/** The request body each endpoint takes. */
export interface BatchRequestBodies {
  '/v1/chat/completions': ChatCompletionCreateParams;
  '/v1/embeddings': EmbeddingCreateParams;
  '/v1/moderations': ModerationCreateParams;
}

/** The response body each endpoint answers with (embeddings as the API sends them: numbers, or base64 when asked). */
export interface BatchResponseBodies {
  '/v1/chat/completions': ChatCompletion;
  '/v1/embeddings': CreateEmbeddingResponse<number[] | string>;
  '/v1/moderations': ModerationResponse;
}

/** The request body of endpoint `E`. */
export type BatchRequestBody<E extends string> = E extends keyof BatchRequestBodies ? BatchRequestBodies[E] : Record<string, unknown>;

/** The response body of endpoint `E`. */
export type BatchResponseBody<E extends string> = E extends keyof BatchResponseBodies ? BatchResponseBodies[E] : unknown;
