/**
 * Embeds any number of inputs: splits them into requests within the API's limits (inputs per
 * request, estimated tokens per request), runs a few at a time, and returns vectors in input order.
 */
import { RequestError, type RequestOptions } from '@integrations/openai-core';
import { MAX_INPUTS_PER_REQUEST } from './embeddings-schemas.js';
import type { CreateEmbeddingResponse } from './embeddings-types.js';

/** Options of `embedMany`. */
export interface EmbedManyOptions extends RequestOptions {
  /** Inputs per request. Default 2048 (the API's limit). */
  maxInputsPerRequest?: number;
  /** Estimated tokens per request (4 characters a token, rounded up). Default 250000, under the API's 300000. */
  maxTokensPerRequest?: number;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
}

/** What `embedMany` returns. */
export interface EmbedManyResult {
  embeddings: Float32Array[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
  requests: number;
}

type EmbedBatch = (input: Array<string | number[]>, options: RequestOptions) => Promise<CreateEmbeddingResponse>;

const estimate = (input: string | number[]) => (typeof input === 'string' ? Math.ceil(input.length / 4) : input.length);

/** Splits `inputs` into batches that respect both limits; each batch keeps its start offset. */
export function planBatches(inputs: Array<string | number[]>, maxInputs: number, maxTokens: number): Array<{ start: number; items: Array<string | number[]> }> {
  const batches: Array<{ start: number; items: Array<string | number[]> }> = [];
  let current: { start: number; items: Array<string | number[]> } = { start: 0, items: [] };
  let tokens = 0;
  inputs.forEach((input, index) => {
    const cost = estimate(input);
    if (current.items.length > 0 && (current.items.length >= maxInputs || tokens + cost > maxTokens)) {
      batches.push(current);
      current = { start: index, items: [] };
      tokens = 0;
    }
    current.items.push(input);
    tokens += cost;
  });
  if (current.items.length > 0) batches.push(current);
  return batches;
}

/** Runs the batches with bounded concurrency; the first failure cancels the rest. */
export async function embedMany(embedBatch: EmbedBatch, inputs: Array<string | number[]>, options: EmbedManyOptions = {}): Promise<EmbedManyResult> {
  const { maxInputsPerRequest = MAX_INPUTS_PER_REQUEST, maxTokensPerRequest = 250_000, concurrency = 4, ...requestOptions } = options;
  if (!Array.isArray(inputs)) throw new RequestError({ kind: 'validation', message: 'embedMany needs an array of inputs.' });
  const batches = planBatches(inputs, Math.min(maxInputsPerRequest, MAX_INPUTS_PER_REQUEST), maxTokensPerRequest);
  const embeddings = new Array<Float32Array>(inputs.length);
  const usage = { prompt_tokens: 0, total_tokens: 0 };
  let model = '';
  const stop = new AbortController();
  const signal = requestOptions.signal ? AbortSignal.any([requestOptions.signal, stop.signal]) : stop.signal;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const response = await embedBatch(batch.items, { ...requestOptions, signal });
      for (const item of response.data) embeddings[batch.start + item.index] = item.embedding;
      usage.prompt_tokens += response.usage.prompt_tokens;
      usage.total_tokens += response.usage.total_tokens;
      model = response.model;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  } catch (error) {
    stop.abort();
    throw error;
  }
  return { embeddings, model, usage, requests: batches.length };
}
