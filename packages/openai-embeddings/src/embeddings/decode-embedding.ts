/**
 * Turns the `embedding` of a response to a request that asked for base64 into a
 * `Float32Array`. An OpenAI-compatible server may ignore `encoding_format` and answer with
 * floats anyway; decoding those as base64 would give garbage, so only strings are decoded.
 */
import { ResponseError } from '@integrations/openai-core';
import { decodeBase64Floats } from './decode-base64-floats.js';

/**
 * `decodeEmbedding(item.embedding)` → the vector, whether the server sent base64 or floats.
 *
 * @example
 * decodeEmbedding('AACAPwAAAEA='); // Float32Array [1, 2]
 * decodeEmbedding([1, 2]); // Float32Array [1, 2]
 */
export function decodeEmbedding(embedding: unknown): Float32Array {
  if (typeof embedding === 'string') return decodeBase64Floats(embedding);
  if (Array.isArray(embedding) && embedding.every((value) => typeof value === 'number')) return Float32Array.from(embedding);
  throw new ResponseError({
    kind: 'invalid_response',
    message: `An embedding is neither a base64 string nor an array of numbers: got ${embedding === null ? 'null' : typeof embedding}.`,
  });
}
