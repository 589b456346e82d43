/**
 * Embeds any number of inputs: splits them into requests within the API's limits (inputs per
 * request, estimated tokens per request), runs a few at a time, and returns vectors in input order.
 */
import { RequestError, ResponseError, type RequestOptions } from '@integrations/openai-core';
import { linkSignals } from '@integrations/openai-core/internal';
import { MAX_INPUTS_PER_REQUEST } from './embeddings-limits.js';
import type { CreateEmbeddingResponse } from './embeddings-types.js';
import { estimateInputTokens } from './estimate-input-tokens.js';

/** Options of `embedMany`. */
export interface EmbedManyOptions extends RequestOptions {
  /** Inputs per request. Default 2048 (the API's limit). */
  maxInputsPerRequest?: number;
  /**
   * Estimated tokens per request (ASCII 4 characters a token, other characters their UTF-8
   * bytes; see `estimateInputTokens`). Default 250000, under the API's 300000.
   */
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

const DEFAULT_TOKENS_PER_REQUEST = 250_000;
const DEFAULT_CONCURRENCY = 4;

/**
 * Each numeric option must be a whole number ≥ 1: `concurrency: 0` would start no worker and
 * return an array of holes, and `NaN` or `0.5` limits would plan nonsense batches.
 */
function checkOptions(options: Pick<EmbedManyOptions, 'maxInputsPerRequest' | 'maxTokensPerRequest' | 'concurrency'>): void {
  const issues = (['maxInputsPerRequest', 'maxTokensPerRequest', 'concurrency'] as const)
    .filter((name) => options[name] !== undefined && !(Number.isInteger(options[name]) && options[name]! >= 1))
    .map((name) => ({ path: name, message: `must be a whole number of at least 1, got ${String(options[name])}` }));
  if (issues.length === 0) return;
  const message = `Invalid embedMany options: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`;
  throw new RequestError({ kind: 'validation', message, issues });
}

/** Splits `inputs` into batches that respect both limits; each batch keeps its start offset. */
export function planBatches(inputs: Array<string | number[]>, maxInputs: number, maxTokens: number): Array<{ start: number; items: Array<string | number[]> }> {
  const batches: Array<{ start: number; items: Array<string | number[]> }> = [];
  let current: { start: number; items: Array<string | number[]> } = { start: 0, items: [] };
  let tokens = 0;
  inputs.forEach((input, index) => {
    const cost = estimateInputTokens(input);
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

/**
 * Puts a batch's vectors at their inputs' positions. An answer that does not match the batch
 * one to one (an index out of range, repeated, or a count that differs) would put a vector on
 * the wrong input, silently: it is a typed error instead.
 */
function placeBatch(embeddings: Float32Array[], batch: { start: number; items: unknown[] }, data: ReadonlyArray<{ index: number; embedding: Float32Array }>): void {
  const seen = new Set<number>();
  for (const item of data) {
    if (!Number.isInteger(item.index) || item.index < 0 || item.index >= batch.items.length || seen.has(item.index)) {
      throw new ResponseError({ kind: 'invalid_response', message: `The server answered a batch of ${batch.items.length} inputs with embedding index ${JSON.stringify(item.index)}${seen.has(item.index) ? ' twice' : ''}.` });
    }
    seen.add(item.index);
  }
  if (data.length !== batch.items.length) {
    throw new ResponseError({ kind: 'invalid_response', message: `The server answered a batch of ${batch.items.length} inputs with ${data.length} embeddings.` });
  }
  for (const item of data) embeddings[batch.start + item.index] = item.embedding;
}

/** Runs the batches with bounded concurrency; the first failure cancels the rest. */
export async function embedMany(embedBatch: EmbedBatch, inputs: Array<string | number[]>, options: EmbedManyOptions = {}): Promise<EmbedManyResult> {
  if (!Array.isArray(inputs)) throw new RequestError({ kind: 'validation', message: 'embedMany needs an array of inputs.' });
  const bad = inputs.findIndex((input) => typeof input !== 'string' && !(Array.isArray(input) && input.every((token) => Number.isInteger(token))));
  if (bad !== -1) {
    throw new RequestError({ kind: 'validation', message: `embedMany: input ${bad} must be a string or an array of token ids.`, issues: [{ path: `inputs[${bad}]`, message: 'must be a string or an array of token ids' }] });
  }
  checkOptions(options ?? {});
  const { maxInputsPerRequest = MAX_INPUTS_PER_REQUEST, maxTokensPerRequest = DEFAULT_TOKENS_PER_REQUEST, concurrency = DEFAULT_CONCURRENCY, ...requestOptions } = options ?? {};
  const batches = planBatches(inputs, Math.min(maxInputsPerRequest, MAX_INPUTS_PER_REQUEST), maxTokensPerRequest);
  const embeddings = new Array<Float32Array>(inputs.length);
  const usage = { prompt_tokens: 0, total_tokens: 0 };
  let model = '';
  const stop = new AbortController();
  // Not AbortSignal.any: edge runtimes and older Safari lack it, and a long-lived caller signal
  // must be unlinked when the call ends (core's linkSignals does both).
  const linked = linkSignals([requestOptions.signal, stop.signal]);
  const signal = linked.signal;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const response = await embedBatch(batch.items, { ...requestOptions, signal });
      placeBatch(embeddings, batch, response.data);
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
  } finally {
    linked.dispose();
  }
  return { embeddings, model, usage, requests: batches.length };
}
