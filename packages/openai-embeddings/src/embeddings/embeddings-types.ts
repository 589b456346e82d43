/** Response shapes of `POST /embeddings`; the vector type follows `encoding_format`. */

/** One embedding; `E` is `Float32Array` by default, `number[]` for `float`, `string` for `base64`. */
export interface Embedding<E = Float32Array> {
  object: 'embedding';
  index: number;
  embedding: E;
}

/** The response of `create`. */
export interface CreateEmbeddingResponse<E = Float32Array> {
  object: 'list';
  data: Array<Embedding<E>>;
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

/** The vector type a request gets back. */
export type EmbeddingVector<P extends { encoding_format?: 'float' | 'base64' }> =
  P['encoding_format'] extends 'float' ? number[] : P['encoding_format'] extends 'base64' ? string : Float32Array;
