/**
 * Deterministic embeddings: a bag of words. Each word (or token id) has a fixed pseudo-random
 * vector; an input's vector is the normalised sum of its words' vectors. Equal inputs give equal
 * vectors, and inputs that share words are closer, so similarity search behaves plausibly.
 */

/** The API's per-request limit on the number of inputs. */
export const MAX_EMBEDDING_INPUTS = 2048;

function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** Adds the fixed pseudo-random vector of `word` to `vector` (xorshift seeded by the word's hash). */
function addWord(vector: Float32Array, word: string): void {
  let state = hash(word) || 1;
  for (let index = 0; index < vector.length; index++) {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    vector[index]! += state / 0xffffffff - 0.5;
  }
}

/** The unit vector the mock returns for `input` with `dimensions` dimensions. */
export function mockEmbedding(input: string | number[], dimensions: number): Float32Array {
  const words = typeof input === 'string' ? input.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean) : input.map((id) => `#${id}`);
  const vector = new Float32Array(dimensions);
  for (const word of words.length > 0 ? words : [typeof input === 'string' ? input : '']) addWord(vector, word);
  let norm = 0;
  for (const value of vector) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let index = 0; index < dimensions; index++) vector[index]! *= scale;
  return vector;
}

function toBase64(vector: Float32Array): string {
  const bytes = new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** Splits the request's `input` into individual inputs, as the API reads it. */
export function embeddingInputs(input: unknown): Array<string | number[]> | undefined {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((item) => typeof item === 'number')) return [input as number[]];
  if (input.every((item) => typeof item === 'string' || Array.isArray(item))) return input as Array<string | number[]>;
  return undefined;
}

/** The `list` of embeddings for a request body. */
export function embeddingsFor(body: { input?: unknown; model?: string; dimensions?: number; encoding_format?: string }, inputs: Array<string | number[]>) {
  const dimensions = body.dimensions ?? (body.model === 'text-embedding-3-large' ? 3072 : 1536);
  let promptTokens = 0;
  const data = inputs.map((input, index) => {
    promptTokens += typeof input === 'string' ? Math.max(1, Math.ceil(input.length / 4)) : input.length;
    const vector = mockEmbedding(input, dimensions);
    return { object: 'embedding', index, embedding: body.encoding_format === 'base64' ? toBase64(vector) : Array.from(vector) };
  });
  return { object: 'list', data, model: body.model ?? 'text-embedding-3-small', usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } };
}
