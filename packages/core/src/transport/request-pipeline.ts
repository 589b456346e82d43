/**
 * One request, start to end (DESIGN §2): middleware → resilience policy → attempts (headers,
 * timeout, transport, classification, body parsing) → middleware → metadata and telemetry.
 */
import { abortError, linkSignals } from './abort.js';
import { buildUrl } from './build-url.js';
import { callHook } from '../observability/call-hook.js';
import { startCallTelemetry, type CallTelemetry } from '../observability/call-telemetry.js';
import { checkRequestOptions } from '../config/check-request-options.js';
import { classifyFailure } from '../errors/classify-failure.js';
import { classifyErrorResponse } from '../errors/classify-response.js';
import type { ResolvedConfig } from '../config/config.js';
import { OpenAIError, RequestError } from '../errors/errors.js';
import { mergeHeaders } from '../config/headers.js';
import type { ClientLogger } from '../observability/logger.js';
import type { MiddlewareRequest } from './middleware.js';
import { encodeMultipart, preferBlobBodies, type MultipartBody, type UploadProgress } from '../uploads/multipart.js';
import { readBodyText, type BodyContext } from './read-body.js';
import { annotateError, type CallContext, type ResiliencePolicy } from '../resilience/resilience-policy.js';
import { createResponseMeta, type ResponseMeta } from './response-meta.js';
import type { RequestOptions, RequestSpec } from './request-spec.js';
import type { Transport } from './transport.js';
import { VERSION } from '../version.js';

/**
 * The transport's answer, or a rejection the moment `signal` aborts (the caller, or the
 * attempt's timeout) even if the transport is still busy: a transport that misses an abort
 * (while blocked writing an upload, say) must not hang the call.
 */
function settledByAbort<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    pending.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    // The listener goes in the same callbacks that settle: no third promise per attempt for a `finally`.
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** The JSON body, or a validation error for what JSON cannot hold (a BigInt, a cycle). */
function serializeBody(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new RequestError({ kind: 'validation', message: `The request body cannot be sent as JSON: ${(error as Error).message}`, issues: [{ path: 'body', message: 'not serializable as JSON' }], cause: error });
  }
}

/**
 * An attempt's upload body: streamed, or, in a browser (which streams a body only over HTTP/2),
 * one Blob when every part is in memory. A Blob leaves in one piece: progress reports it whole.
 */
function multipartBody(multipart: MultipartBody, onProgress: ((progress: UploadProgress) => void) | undefined, done: AbortSignal | undefined): BodyInit {
  if (multipart.blob && preferBlobBodies()) {
    const blob = multipart.blob();
    onProgress?.({ loaded: blob.size, total: blob.size });
    return blob;
  }
  return multipart.open(onProgress, done);
}

/**
 * A 3xx (or a browser's opaque redirect) that reached the pipeline: an upload's (fetch never
 * follows one for them), or any answer of a transport that does not follow redirects.
 */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

function redirectRefused(response: Response, method: string, url: URL, upload: boolean): RequestError {
  const location = response.headers.get('location');
  const why = upload ? 'an upload is never re-sent to another address' : 'the transport did not follow it';
  return new RequestError({
    kind: 'redirect_refused',
    status: response.status || undefined,
    requestId: response.headers.get('x-request-id') ?? undefined,
    message: `The server answered ${method} ${url.pathname} with a redirect${response.status ? ` (${response.status})` : ''}${location ? ` to ${location}` : ''}; ${why}. Point baseUrl at the final address.`,
  });
}

/** Reads a successful response into the call's result, inside the attempt. */
export type ResponseParser<T> = (response: Response, context: BodyContext) => Promise<T>;

/** A finished call: the parsed value, its metadata and the call's telemetry (for streams). */
export interface ExecutedCall<T> {
  value: T;
  meta: ResponseMeta;
  telemetry: CallTelemetry;
}

/** What the pipeline is built from. */
export interface PipelineParts {
  config: ResolvedConfig;
  transport: Transport;
  logger: ClientLogger;
  policy: ResiliencePolicy;
}

/** The User-Agent sent with every request (browsers may drop it; that is harmless). */
export const USER_AGENT = `integrations-openai/${VERSION}`;

function newIdempotencyKey(): string {
  return `idem-${crypto.randomUUID()}`;
}

/**
 * The attempt's headers: the call's, then auth, the idempotency key and the retry count. One
 * copy of the call's headers per attempt (middleware may have changed them). Organization and
 * project are set only when config has them: a caller's own `OpenAI-Organization`/`OpenAI-Project`
 * (default or per-call headers) must not be deleted by an unset option, or the work lands in the
 * key's default project.
 */
function attemptHeaders(callHeaders: Headers, config: ResolvedConfig, authorization: string, idempotencyKey: string | undefined, attemptNumber: number): Headers {
  const headers = new Headers(callHeaders);
  headers.set('authorization', authorization);
  if (config.organizationId !== undefined) headers.set('openai-organization', config.organizationId);
  if (config.projectId !== undefined) headers.set('openai-project', config.projectId);
  // Without a key there is no `idempotency-key` to remove: the key is the call's header when it has one.
  if (idempotencyKey !== undefined) headers.set('idempotency-key', idempotencyKey);
  headers.set('x-retry-count', String(attemptNumber - 1));
  return headers;
}

/**
 * The headers this library sets on a call, before the client's defaults and the call's own: one
 * record (their names differ from each other), so the merge walks one set instead of four.
 */
function ownHeaders(spec: RequestSpec, accept: string, jsonBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept, 'user-agent': USER_AGENT };
  // A body handed over as a stream (a download, audio) is asked for uncompressed: Node's
  // fetch accepts a truncated gzip stream as a clean end, and a cut download would pass.
  if (spec.responseKind === 'stream') headers['accept-encoding'] = 'identity';
  if (jsonBody) headers['content-type'] = 'application/json';
  if (spec.beta) headers['openai-beta'] = spec.beta;
  return headers;
}

/**
 * Creates `execute`, which runs one call through the whole pipeline.
 *
 * @example
 * const execute = createPipeline(parts);
 * const { value } = await execute({ method: 'GET', path: '/models' }, {}, parseJson);
 */
export function createPipeline(parts: PipelineParts) {
  const { config, transport, logger, policy } = parts;
  const warnedDeprecations = new Set<string>();
  // The key never changes (an `ApiKey` is immutable and the config frozen): one header value for every attempt.
  const authorization = `Bearer ${config.apiKey.reveal()}`;

  return async function execute<T>(spec: RequestSpec, options: RequestOptions, parse: ResponseParser<T>): Promise<ExecutedCall<T>> {
    checkRequestOptions(options);
    if (options.signal?.aborted) throw abortError(options.signal);
    const endpoint = spec.endpoint ?? spec.path;
    const notice = typeof spec.deprecated === 'string' ? { feature: `${spec.method} ${endpoint}`, message: spec.deprecated } : spec.deprecated;
    if (notice && !warnedDeprecations.has(notice.feature)) {
      warnedDeprecations.add(notice.feature);
      logger.warn(`Deprecated: ${notice.feature}: ${notice.message}`);
      callHook(logger, 'deprecation', () => config.hooks.deprecation?.onDeprecation(notice));
    }
    const multipart: MultipartBody | undefined = spec.multipart ? await encodeMultipart(spec.multipart) : undefined;
    const jsonBody = spec.body === undefined ? undefined : serializeBody(spec.body);
    const accept = spec.accept ?? (spec.responseKind === 'sse' ? 'text/event-stream' : spec.responseKind === 'binary' || spec.responseKind === 'stream' ? '*/*' : 'application/json');
    const request: MiddlewareRequest = {
      method: spec.method,
      url: buildUrl(config.baseUrl, spec.path, config.defaultQuery, spec.query),
      headers: mergeHeaders(ownHeaders(spec, accept, jsonBody !== undefined), config.defaultHeaders, options.headers),
      body: spec.body,
      endpoint,
    };
    for (const middleware of config.middleware) await middleware.onRequest?.(request);

    const model = typeof (spec.body as { model?: unknown } | undefined)?.model === 'string' ? (spec.body as { model: string }).model : undefined;
    const telemetry = startCallTelemetry(config.hooks, logger, { method: spec.method, endpoint, url: request.url, headers: request.headers, body: spec.body, model });
    // A caller's key wins: the option, then an `Idempotency-Key` header they set, then ours.
    const idempotencyKey = options.idempotencyKey ?? request.headers.get('idempotency-key') ?? (spec.method === 'POST' ? newIdempotencyKey() : undefined);
    const started = Date.now();
    const call: CallContext = { spec, options, endpoint, replayable: multipart?.replayable ?? true, spanEvent: telemetry.spanEvent };
    let attempts = 0;

    const attempt = async (attemptNumber: number) => {
      attempts = attemptNumber;
      if (options.signal?.aborted) throw abortError(options.signal);
      // Headers first: nothing below may throw between starting the timer and the try that clears it.
      const headers = attemptHeaders(request.headers, config, authorization, idempotencyKey, attemptNumber);
      if (multipart) {
        headers.set('content-type', multipart.contentType);
        if (multipart.contentLength !== undefined) headers.set('content-length', String(multipart.contentLength));
      }
      const timeoutMs = options.timeout ?? config.timeout;
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      const bodyContext: BodyContext = { callerSignal: options.signal, timeoutSignal: timeout.signal, timeoutMs, host: request.url.host };
      // A stream's body is read after the attempt, so its link lives as long as the stream does
      // (the stream's own signal, made per stream); every other link ends with the attempt.
      // Without a caller's signal the timeout's is the attempt's: nothing to link or unlink.
      const linked = options.signal ? linkSignals([options.signal, timeout.signal]) : undefined;
      const signal = linked?.signal ?? timeout.signal;
      let keepLinked = false;
      /** Aborted when the attempt ends: an upload the server did not read to the end is released. */
      // Only an upload needs it (creating and aborting a controller per attempt is not free).
      const attemptDone = multipart ? new AbortController() : undefined;
      const attemptTelemetry = telemetry.attempt(attemptNumber);
      let phase: 'send' | 'body' = 'send';
      try {
        const exchange = async (): Promise<{ value: T; response: Response }> => {
          let response: Response;
          try {
            const body = multipart ? multipartBody(multipart, options.onUploadProgress, attemptDone?.signal) : jsonBody ?? null;
            response = await transport.send({ url: request.url.href, method: spec.method, headers, body, signal });
          } catch (error) {
            throw classifyFailure(error, { ...bodyContext, phase: 'send' });
          }
          phase = 'body';
          if (isRedirect(response)) {
            // Unread, the body would hold its socket (undici keeps it until consumed or cancelled).
            response.body?.cancel().catch(() => undefined);
            throw redirectRefused(response, spec.method, request.url, multipart !== undefined);
          }
          if (!response.ok) {
            const text = await readBodyText(response, bodyContext);
            throw classifyErrorResponse({ status: response.status, headers: response.headers, text, apiKey: config.apiKey });
          }
          return { value: await parse(response, bodyContext), response };
        };
        let value: T;
        let response: Response;
        try {
          // One abort guard for the whole exchange, headers and body: a transport (or a body) that
          // misses its abort must not hold the call past the caller's abort or the timeout.
          ({ value, response } = await settledByAbort(exchange(), signal));
        } catch (error) {
          if (OpenAIError.isInstance(error) || !signal.aborted) throw error;
          throw classifyFailure(error, { ...bodyContext, phase });
        }
        attemptTelemetry.succeeded(response);
        keepLinked = spec.responseKind === 'sse' || spec.responseKind === 'stream';
        return { value, response };
      } catch (error) {
        if (OpenAIError.isInstance(error)) attemptTelemetry.failed(error);
        throw error;
      } finally {
        clearTimeout(timer);
        if (!keepLinked) linked?.dispose();
        attemptDone?.abort();
      }
    };

    try {
      const { value, response } = await policy.run(call, attempt);
      const meta = createResponseMeta(response, attempts, Date.now() - started, config.apiKey);
      for (const middleware of config.middleware) {
        await middleware.onResponse?.({ status: response.status, headers: response.headers, requestId: meta.requestId, attempts, durationMs: meta.durationMs }, request);
      }
      telemetry.succeeded(meta, value);
      return { value, meta, telemetry };
    } catch (error) {
      if (!OpenAIError.isInstance(error)) throw error;
      const typed = annotateError(error, attempts, Date.now() - started);
      for (const middleware of config.middleware) await middleware.onError?.(typed, request);
      telemetry.failed(typed);
      throw typed;
    }
  };
}
