/**
 * One line of a batch's output or error file, read into a result: `ok` with the endpoint's
 * response body, or not, with the error. A line that is not such a record is a typed error
 * naming its file and line number: never skipped.
 */
import { ResponseError } from '@integrations/openai-core';
import type { BatchResponseBody } from '../input/endpoint-types.js';

/** Why one request of a batch failed. */
export interface BatchResultError {
  code: string | null;
  message: string;
  type?: string;
  param?: string | null;
}

/** A request that succeeded: the endpoint's response body, as the API would have answered it. */
export interface BatchSuccess<E extends string = string> {
  custom_id: string;
  ok: true;
  response: BatchResponseBody<E>;
  status_code: number;
  request_id: string | undefined;
  /** The result line's own id. */
  id: string | undefined;
}

/** A request that failed: the API's error, and its status when it got one. */
export interface BatchFailure {
  custom_id: string;
  ok: false;
  error: BatchResultError;
  status_code: number | undefined;
  request_id: string | undefined;
  id: string | undefined;
}

/** One result of a batch, typed by its endpoint `E`. */
export type BatchResult<E extends string = string> = BatchSuccess<E> | BatchFailure;

interface ResultLine {
  id?: unknown;
  custom_id?: unknown;
  response?: { status_code?: unknown; request_id?: unknown; body?: unknown } | null;
  error?: { code?: unknown; message?: unknown } | null;
}

/** Where a line came from, for error messages. */
export interface LineSource {
  kind: 'output' | 'error';
  fileId: string;
  batchId: string;
}

function malformed(source: LineSource, number: number, problem: string, cause?: unknown): ResponseError {
  return new ResponseError({
    kind: 'invalid_response',
    message: `Line ${number} of the ${source.kind} file ${source.fileId} of batch ${source.batchId} ${problem}.`,
    cause,
  });
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function errorOf(line: ResultLine): BatchResultError {
  if (line.error) return { code: text(line.error.code) ?? null, message: text(line.error.message) ?? 'The request failed.' };
  const apiError = (line.response?.body as { error?: { code?: unknown; message?: unknown; type?: unknown; param?: unknown } } | undefined)?.error;
  return {
    code: text(apiError?.code) ?? null,
    message: text(apiError?.message) ?? `The request failed with status ${String(line.response?.status_code)}.`,
    ...(text(apiError?.type) ? { type: text(apiError?.type) } : {}),
    ...(apiError && 'param' in apiError ? { param: text(apiError.param) ?? null } : {}),
  };
}

/**
 * Reads line `number` of a result file.
 *
 * @example
 * const result = parseResultLine<'/v1/chat/completions'>(text, 3, { kind: 'output', fileId, batchId });
 */
export function parseResultLine<E extends string>(raw: string, number: number, source: LineSource): BatchResult<E> {
  let line: ResultLine;
  try {
    line = JSON.parse(raw) as ResultLine;
  } catch (error) {
    // No preview and no parser message (which quotes the text): a line may hold anything, an
    // echoed API key included, and errors end up in logs.
    void error;
    throw malformed(source, number, `is not valid JSON (${raw.length} characters)`);
  }
  if (typeof line !== 'object' || line === null || Array.isArray(line)) throw malformed(source, number, 'is not a JSON object');
  const customId = line.custom_id;
  if (typeof customId !== 'string') throw malformed(source, number, 'has no custom_id');
  const { response, error } = line;
  const hasResponse = response !== undefined && response !== null;
  if (!hasResponse && (error === undefined || error === null)) throw malformed(source, number, 'has neither a response nor an error');
  const status = hasResponse ? response.status_code : undefined;
  if (hasResponse && typeof status !== 'number') throw malformed(source, number, 'has a response without a status_code');
  const statusCode = status as number | undefined;
  const requestId = text(response?.request_id);
  const id = text(line.id);
  // Object literals of one shape each, built directly: this runs once per line of a file that
  // may hold millions (a spread here costs as much as the JSON.parse).
  if (!error && statusCode !== undefined && statusCode >= 200 && statusCode < 300) {
    return { custom_id: customId, ok: true, response: response!.body as BatchResponseBody<E>, status_code: statusCode, request_id: requestId, id };
  }
  return { custom_id: customId, ok: false, error: errorOf(line), status_code: statusCode, request_id: requestId, id };
}
