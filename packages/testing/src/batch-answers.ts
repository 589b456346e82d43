/**
 * How the mock answers the requests of a batch input file: each line as the matching route
 * would (chat like the mock's default chat replies, embeddings, moderations), and a line the
 * mock cannot answer as an error line, so a round trip yields both an output and an error file.
 */
import { completionFor, defaultReply } from './chat-replies.js';
import { embeddingInputs, embeddingsFor, MAX_EMBEDDING_INPUTS } from './embeddings-reply.js';
import { apiError } from './faults.js';
import { moderationFor } from './moderations-reply.js';

/** The endpoints a batch may use (CreateBatchRequest.endpoint). */
export const BATCH_ENDPOINTS = new Set([
  '/v1/responses', '/v1/chat/completions', '/v1/embeddings', '/v1/completions', '/v1/moderations',
  '/v1/images/generations', '/v1/images/edits', '/v1/videos',
]);

/** An input line that could not be read: the batch fails validation with it. */
export interface InputProblem {
  code: string;
  message: string;
  line: number;
}

type Answer = { status: number; body: unknown };

function answer(url: string, body: Record<string, unknown>, id: string): Answer {
  if (url === '/v1/chat/completions') {
    if (!Array.isArray(body.messages) || body.messages.length === 0) return { status: 400, body: apiError("'messages' must be a non-empty array", 'invalid_request_error', null, 'messages') };
    return { status: 200, body: completionFor(body, defaultReply(body), `chatcmpl-${id}`, 1_767_225_600) };
  }
  if (url === '/v1/embeddings') {
    const inputs = embeddingInputs(body.input);
    if (!inputs || inputs.length > MAX_EMBEDDING_INPUTS) return { status: 400, body: apiError("'input' is malformed", 'invalid_request_error', null, 'input') };
    return { status: 200, body: embeddingsFor(body, inputs) };
  }
  if (url === '/v1/moderations') {
    const result = moderationFor(body, `modr-${id}`);
    return result ? { status: 200, body: result } : { status: 400, body: apiError("'input' is malformed", 'invalid_request_error', null, 'input') };
  }
  return { status: 400, body: apiError(`The mock server does not answer ${url} in a batch`, 'invalid_request_error', 'unsupported_endpoint') };
}

/**
 * Reads an input file and answers every line. Returns the output and error lines, or the
 * problems that fail the batch at validation (bad JSON, missing fields, a second endpoint).
 */
export function answerBatchInput(text: string, endpoint: string, nextId: (prefix: string) => string): { output: string[]; errors: string[]; problems: InputProblem[] } {
  const output: string[] = [];
  const errors: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const line = index + 1;
    let request: { custom_id?: unknown; method?: unknown; url?: unknown; body?: unknown };
    try {
      request = JSON.parse(raw);
    } catch {
      problems.push({ code: 'invalid_json_line', message: 'This line is not parseable as valid JSON.', line });
      return;
    }
    if (typeof request.custom_id !== 'string' || seen.has(request.custom_id)) {
      problems.push({ code: 'duplicate_custom_id', message: 'custom_id must be a string, unique within the file.', line });
      return;
    }
    seen.add(request.custom_id);
    if (request.method !== 'POST' || request.url !== endpoint || typeof request.body !== 'object' || request.body === null) {
      problems.push({ code: 'invalid_request', message: `Each line needs method POST, url ${endpoint} and a body object.`, line });
      return;
    }
    const id = nextId('batch_req_mock');
    const { status, body } = answer(endpoint, request.body as Record<string, unknown>, id);
    const record = JSON.stringify({ id, custom_id: request.custom_id, response: { status_code: status, request_id: `req_${id}`, body }, error: null });
    (status === 200 ? output : errors).push(record);
  });
  return { output, errors, problems };
}
