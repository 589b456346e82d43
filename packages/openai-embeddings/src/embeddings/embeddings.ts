/** The embeddings service: `create`, and `embedMany` for inputs of any size. */
import { createOpenAICore, rejectingMethods, ResponseError, type ClientOptions, type OpenAICore, type RequestOptions } from '@integrations/openai-core';
import { embeddingsOperations as operations } from './embeddings-operations.js';
import { decodeEmbedding } from './decode-embedding.js';
import { embedMany, type EmbedManyOptions, type EmbedManyResult } from './embed-many.js';
import type { EmbeddingCreateParams } from './embeddings-schemas.js';
import type { CreateEmbeddingResponse } from './embeddings-types.js';

/** Embeddings. */
export interface EmbeddingsService {
  /**
   * Embeds `input`. Without `encoding_format` the vectors come back as `Float32Array`s (fetched
   * as base64, decoded directly); `float` gives `number[]`, `base64` the raw strings.
   */
  create(params: EmbeddingCreateParams & { encoding_format: 'float' }, options?: RequestOptions): Promise<CreateEmbeddingResponse<number[]>>;
  create(params: EmbeddingCreateParams & { encoding_format: 'base64' }, options?: RequestOptions): Promise<CreateEmbeddingResponse<string>>;
  // Overloads rather than a generic over the params: a generic would infer a literal with a
  // misspelt field (`dimension`) instead of refusing it.
  create(params: EmbeddingCreateParams, options?: RequestOptions): Promise<CreateEmbeddingResponse<Float32Array>>;
  /** Embeds any number of inputs in batches within the API's limits, in input order. */
  embedMany(inputs: Array<string | number[]>, params: Omit<EmbeddingCreateParams, 'input' | 'encoding_format'>, options?: EmbedManyOptions): Promise<EmbedManyResult>;
}

/**
 * Creates the embeddings service from client options or a shared core.
 *
 * @example
 * const embeddings = createEmbeddingsService({ apiKey: process.env.OPENAI_API_KEY });
 * const { data } = await embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
 * data[0].embedding; // Float32Array(1536)
 */
export function createEmbeddingsService(configOrCore: ClientOptions | OpenAICore = {}): EmbeddingsService {
  const core = createOpenAICore(configOrCore);

  async function create(params: EmbeddingCreateParams, options?: RequestOptions): Promise<CreateEmbeddingResponse<never>> {
    const { createEmbedding } = operations;
    // `params?.`: a missing params object is the schema's to report, as a validation error.
    const decode = params?.encoding_format === undefined;
    const body = decode ? { ...params, encoding_format: 'base64' as const } : params;
    const response = await core.post<CreateEmbeddingResponse<unknown>, EmbeddingCreateParams>(createEmbedding.path, { body, schema: createEmbedding.requestSchema }, options);
    if (!Array.isArray(response?.data)) {
      throw new ResponseError({ kind: 'invalid_response', message: 'The embeddings response has no data array.' });
    }
    if (decode) for (const item of response.data) item.embedding = decodeEmbedding(item.embedding);
    return response as CreateEmbeddingResponse<never>;
  }

  return rejectingMethods<EmbeddingsService>({
    create: create as EmbeddingsService['create'],
    embedMany: (inputs, params, options) =>
      embedMany((input, requestOptions) => create({ ...params, input: input as EmbeddingCreateParams['input'] }, requestOptions) as Promise<CreateEmbeddingResponse<Float32Array>>, inputs, options),
  });
}
