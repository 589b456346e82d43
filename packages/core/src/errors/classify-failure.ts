/**
 * Turns what fetch throws (connection refused, socket reset, abort, our own timeout) into a
 * typed error. Called at the transport boundary only: while sending and while reading a body.
 */
import { abortError } from '../transport/abort.js';
import { NetworkError, OpenAIError, RequestError } from './errors.js';
import { isObject } from '../config/is-object.js';

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_STREAM_PREMATURE_CLOSE']);

/** undici's own timeouts (Node's built-in fetch): headers, body, connect. */
const TRANSPORT_TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Where in the exchange the failure happened; it decides the kind and the message. */
export type FailurePhase = 'send' | 'body' | 'stream';

/** What a failure (or a cause of it) may carry. */
type Failure = { name?: unknown; message?: unknown; code?: unknown; cause?: unknown; errors?: unknown };

/**
 * What `pick` finds first on `error` or down its `cause` chain (five deep), or `undefined`;
 * with `members`, also in an AggregateError's errors. One walker for every question below.
 */
function searchChain<T>(error: unknown, pick: (failure: Failure) => T | undefined, members = false, depth = 0): T | undefined {
  if (depth > 5 || !isObject(error)) return undefined;
  const failure = error as Failure;
  const found = pick(failure);
  if (found !== undefined) return found;
  if (members && Array.isArray(failure.errors)) {
    for (const member of failure.errors) {
      const inMember = searchChain(member, pick, true, depth + 1);
      if (inMember) return inMember;
    }
  }
  return searchChain(failure.cause, pick, members, depth + 1);
}

/** A Node/undici error code, in the cause chain or an AggregateError's members. */
const findCode = (error: unknown) => searchChain(error, (failure) => (typeof failure.code === 'string' ? failure.code : undefined), true);

/** True when the upload's source could not be read: a `NotReadableError` in the cause chain. */
const unreadable = (error: unknown) => searchChain(error, (failure) => failure.name === 'NotReadableError' || undefined) === true;

/** True when fetch refused a redirect (`redirect: 'error'`): "unexpected redirect" in the cause chain. */
const mentionsRedirect = (error: unknown) => searchChain(error, (failure) => (typeof failure.message === 'string' && /redirect/i.test(failure.message)) || undefined) === true;

/**
 * Classifies a failure thrown by the transport or while reading a body.
 *
 * @example
 * try { response = await transport.send(request); }
 * catch (error) { throw classifyFailure(error, { phase: 'send', callerSignal, timeoutSignal, timeoutMs }); }
 */
export function classifyFailure(
  error: unknown,
  context: { phase: FailurePhase; callerSignal?: AbortSignal; timeoutSignal?: AbortSignal; timeoutMs?: number; host?: string },
): OpenAIError {
  if (OpenAIError.isInstance(error)) return error;
  if (context.callerSignal?.aborted) return abortError(context.callerSignal);
  if (context.timeoutSignal?.aborted) {
    const waiting = context.phase === 'send' ? 'waiting for response headers' : 'reading the response body';
    return new NetworkError({
      kind: 'timeout',
      timeoutKind: 'request',
      retryable: true,
      message: `Request timed out after ${context.timeoutMs ?? '?'} ms while ${waiting} (option "timeout").`,
      cause: error,
    });
  }
  const code = findCode(error);
  const where = context.host ? ` to ${context.host}` : '';
  if (context.phase === 'send' && unreadable(error)) {
    // The upload's source could not be read (a file changed or vanished mid-upload): the
    // request is wrong now, and sending it again would read the same changed file.
    return new RequestError({
      kind: 'upload_unreadable',
      retryable: false,
      message: `The upload's source could not be read while sending${where} (did the file change or disappear during the upload?).`,
      cause: error,
    });
  }
  if (context.phase === 'send' && mentionsRedirect(error)) {
    return new RequestError({
      kind: 'redirect_refused',
      retryable: false,
      message: `The server${context.host ? ` at ${context.host}` : ''} answered an upload with a redirect; an upload is never re-sent to another address. Point baseUrl at the final address.`,
      cause: error,
    });
  }
  if (code !== undefined && TRANSPORT_TIMEOUT_CODES.has(code)) {
    // An undici dispatcher gave up on its own (for headers or between body chunks) before our
    // `timeout`: a timeout, not a connection failure. Core lifts Node's default 300 s limits
    // (src/node/fetch-dispatcher.ts), so this is a dispatcher the application configured.
    return new NetworkError({
      kind: 'timeout',
      timeoutKind: 'request',
      retryable: true,
      message: `The transport's own timeout fired${where} (${code}) before ours (option "timeout")${code === 'UND_ERR_CONNECT_TIMEOUT' ? '' : ": the fetch dispatcher's headersTimeout or bodyTimeout is shorter than \"timeout\"; raise them on the global dispatcher you installed, or use @integrations/openai-undici's transport"}.`,
      cause: error,
    });
  }
  if (context.phase === 'stream') {
    return new NetworkError({
      kind: 'stream_interrupted',
      retryable: false,
      message: `The event stream${where} was cut off before it finished${code ? ` (${code})` : ''}.`,
      cause: error,
    });
  }
  if (context.phase === 'body' || (code !== undefined && RESET_CODES.has(code))) {
    return new NetworkError({
      kind: 'connection_reset',
      retryable: true,
      message: `The connection${where} was closed ${context.phase === 'body' ? 'while reading the response body' : 'before a response arrived'}${code ? ` (${code})` : ''}.`,
      cause: error,
    });
  }
  return new NetworkError({
    kind: 'connection_failed',
    retryable: true,
    message: `Could not connect${where}${code ? ` (${code})` : ''}.${inBrowser() ? BROWSER_HINT : ''}`,
    cause: error,
  });
}

/** A browser reports a CORS refusal as a bare network failure; say so where it can be the cause. */
const BROWSER_HINT = ' In a browser this is also how a CORS refusal looks: check that the server allows this origin (and that the URL is right).';

function inBrowser(): boolean {
  const scope = globalThis as { document?: unknown; WorkerGlobalScope?: unknown };
  return scope.document !== undefined || scope.WorkerGlobalScope !== undefined;
}
