/**
 * The input file of a batch: requests checked before anything is sent (unique custom ids, one
 * endpoint, each body against its endpoint's request schema when the domain package is
 * installed, the API's limits), then written as JSONL `{ custom_id, method, url, body }` lines,
 * streamed a few lines at a time and never held as one string.
 */
import { RequestError, resolveSchema, validateParams, type ValidationIssue } from '@integrations/openai-core';
import type { BatchEndpoint } from '../batches/batches-types.js';
import { endpointRequestSchema, type RequestSchema } from './endpoint-schemas.js';
import type { BatchRequestBody } from './endpoint-types.js';

/** One request of a batch. */
export interface BatchRequest<E extends string = BatchEndpoint> {
  /** Your id for the request, unique in the batch; results carry it back. */
  custom_id: string;
  /** Only `POST` (the default). */
  method?: 'POST';
  /** The batch's endpoint (the default); every request of a batch uses the same one. */
  url?: E;
  body: BatchRequestBody<E>;
}

/** A checked batch input, ready to upload. */
export interface BatchInput<E extends string = BatchEndpoint> {
  readonly endpoint: E;
  readonly requestCount: number;
  /** The size of the JSONL file in bytes. */
  readonly byteLength: number;
  /** The JSONL file, produced on demand; each call starts a fresh stream. */
  stream(): ReadableStream<Uint8Array>;
}

/** How to build a batch input. */
export interface BatchInputOptions<E extends string = BatchEndpoint> {
  /** The endpoint; default: the first request's `url`. */
  endpoint?: E;
  /** The body schema; default: the endpoint's, from its domain package when installed. `false` skips body checks. */
  schema?: RequestSchema | false;
}

/** The API's limits for one batch input file. */
export const BATCH_LIMITS = { maxRequests: 50_000, maxBytes: 200 * 1024 ** 2, maxEmbeddingInputs: 50_000 } as const;

const ENDPOINTS: readonly string[] = ['/v1/responses', '/v1/chat/completions', '/v1/embeddings', '/v1/completions', '/v1/moderations', '/v1/images/generations', '/v1/images/edits', '/v1/videos'];
const MAX_LISTED_ISSUES = 20;
const encoder = new TextEncoder();

function refuse(issues: ValidationIssue[]): never {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  const more = issues.length > MAX_LISTED_ISSUES ? ` (and ${issues.length - MAX_LISTED_ISSUES} more)` : '';
  throw new RequestError({ kind: 'validation', message: `Invalid batch input: ${listed}${more}`, issues });
}

function toArray<E extends string>(requests: Iterable<BatchRequest<E>>): BatchRequest<E>[] {
  if (typeof requests === 'string' || requests === null || typeof requests !== 'object' || typeof (requests as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    refuse([{ path: 'requests', message: 'must be an array (or iterable) of { custom_id, body } requests' }]);
  }
  return Array.from(requests);
}

function embeddingInputCount(body: unknown): number {
  const input = (body as { input?: unknown } | null)?.input;
  if (!Array.isArray(input)) return 1;
  return input.length > 0 && typeof input[0] === 'number' ? 1 : input.length;
}

const lineOf = (request: BatchRequest<string>, endpoint: string) => JSON.stringify({ custom_id: request.custom_id, method: 'POST', url: endpoint, body: request.body });

/**
 * Checks `requests` and returns the batch input; rejects with a `validation` error listing
 * every problem (with its path, e.g. `requests[3].body.messages`) before anything is sent.
 *
 * @example
 * const input = await batchInput(questions.map((q, i) => ({ custom_id: `q${i}`, body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] } })), { endpoint: '/v1/chat/completions' });
 * await files.upload({ file: toFile(input.stream(), 'batch.jsonl'), purpose: 'batch' });
 */
export function batchInput<E extends BatchEndpoint>(requests: Iterable<BatchRequest<E>>, options: BatchInputOptions<E> = {}): Promise<BatchInput<E>> {
  return buildBatchInput(requests, options, BATCH_LIMITS);
}

/** `batchInput` with the limits given (tests use small ones rather than 200 MB of JSON). */
export async function buildBatchInput<E extends BatchEndpoint>(requests: Iterable<BatchRequest<E>>, options: BatchInputOptions<E>, limits: typeof BATCH_LIMITS): Promise<BatchInput<E>> {
  const list = toArray(requests);
  if (list.length === 0) refuse([{ path: 'requests', message: 'a batch needs at least one request' }]);
  if (list.length > limits.maxRequests) refuse([{ path: 'requests', message: `holds ${list.length} requests; a batch takes at most ${limits.maxRequests}` }]);
  const endpoint = (options.endpoint ?? (list[0] as { url?: unknown } | null)?.url) as E;
  if (typeof endpoint !== 'string' || !ENDPOINTS.includes(endpoint)) {
    refuse([{ path: 'endpoint', message: `must be one of ${ENDPOINTS.join(', ')}; got ${JSON.stringify(endpoint)}` }]);
  }
  const given = options.schema === false ? undefined : options.schema ?? (await endpointRequestSchema(endpoint));
  // Loaded once (a domain package's schema module loads on first use), then checked line by line.
  const schema = given === undefined ? undefined : await resolveSchema(given);
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  let byteLength = 0;
  const lines: string[] = [];
  let embeddingInputs = 0;
  list.forEach((request, index) => {
    const at = `requests[${index}]`;
    if (typeof request !== 'object' || request === null) return void issues.push({ path: at, message: 'must be an object { custom_id, body }' });
    const { custom_id: customId, method, url, body } = request;
    if (typeof customId !== 'string' || customId === '') issues.push({ path: `${at}.custom_id`, message: 'must be a non-empty string' });
    else if (seen.has(customId)) issues.push({ path: `${at}.custom_id`, message: `${JSON.stringify(customId)} is used twice; custom ids must be unique in a batch` });
    else seen.add(customId);
    if (method !== undefined && method !== 'POST') issues.push({ path: `${at}.method`, message: 'must be POST' });
    if (url !== undefined && url !== endpoint) issues.push({ path: `${at}.url`, message: `is ${JSON.stringify(url)}, but every request of a batch goes to one endpoint (${endpoint})` });
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return void issues.push({ path: `${at}.body`, message: 'must be an object' });
    if (schema) {
      try {
        validateParams(schema, body, 'body');
      } catch (error) {
        for (const issue of (error as RequestError).issues ?? []) issues.push({ path: `${at}.body.${issue.path}`, message: issue.message });
      }
    }
    if (endpoint === '/v1/embeddings') embeddingInputs += embeddingInputCount(body);
    if (issues.length > 0) return;
    // Serialised now, once: what was checked is what is sent, even if the caller changes the
    // request objects afterwards, and a body JSON cannot hold is a validation issue here.
    let line: string;
    try {
      line = lineOf(request, endpoint);
    } catch (error) {
      return void issues.push({ path: `${at}.body`, message: `cannot be sent as JSON: ${(error as Error).message}` });
    }
    lines.push(line);
    byteLength += encoder.encode(line).byteLength + 1;
  });
  if (embeddingInputs > limits.maxEmbeddingInputs) issues.push({ path: 'requests', message: `hold ${embeddingInputs} embedding inputs; an embeddings batch takes at most ${limits.maxEmbeddingInputs}` });
  if (issues.length > 0) refuse(issues);
  if (byteLength > limits.maxBytes) refuse([{ path: 'requests', message: `make a ${byteLength}-byte file; a batch input file may hold at most ${limits.maxBytes} bytes` }]);
  return Object.freeze({ endpoint, requestCount: list.length, byteLength, stream: () => jsonlStream(lines) });
}

/** The JSONL of `lines`, about 64 KiB per chunk, encoded as they are read. */
function jsonlStream(lines: readonly string[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= lines.length) return controller.close();
      let text = '';
      while (next < lines.length && text.length < 64 * 1024) text += `${lines[next++]!}\n`;
      controller.enqueue(encoder.encode(text));
    },
  }, { highWaterMark: 0 });
}
