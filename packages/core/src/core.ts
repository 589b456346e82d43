/**
 * The core client: one config, one transport, one pipeline, and the verbs domain packages call
 * (`get`, `post`, `delete`, `postMultipart`, `getBinary`, `postBinary`, `stream`, `list`).
 */
import { DEFAULT_STREAM_IDLE_TIMEOUT_MS, resolveConfig, type ClientOptions, type ResolvedConfig } from './config/config.js';
import { expandPath } from './transport/path.js';
import { RequestError } from './errors/errors.js';
import { checkRequestOptions } from './config/check-request-options.js';
import { createClientLogger, type ClientLogger } from './observability/logger.js';
import type { FormValue } from './uploads/multipart.js';
import { createPagedList, type CursorPage, type PagedList } from './lists/pagination.js';
import { createPipeline, type ResponseParser } from './transport/request-pipeline.js';
import { parseJsonBody, readBodyBytes, readBodyText } from './transport/read-body.js';
import type { ResiliencePolicy } from './resilience/resilience-policy.js';
import { attachResponseMeta } from './transport/response-meta.js';
import type { BinaryResponse, QueryValue, RequestOptions, RequestSpec } from './transport/request-spec.js';
import { awaitFirstEvent } from './streams/await-first-event.js';
import { systemClock, type Clock } from './resilience/clock.js';
import { createResiliencePolicy } from './resilience/resilience.js';
import { SseStream } from './streams/sse-stream.js';
import { createByteStream, failedByteStream, type ByteStream } from './streams/byte-stream.js';
import { createFetchTransport } from './transport/transport.js';
import { afterValidation, type AnySchema } from './services/validation.js';

const CORE_BRAND = Symbol.for('@integrations/openai-core/core');

// A `deferredSchema` loads its module (and zod) on the first call that needs it.
type Schema<T> = AnySchema<T>;

/** The shared parts of a call made through a verb. */
export interface CallInit {
  /**
   * Values for the `{name}` placeholders of a path template (`/files/{file_id}`): each is
   * checked (not empty, not `.` or `..`) and encoded, and the template names the endpoint.
   */
  pathParams?: Readonly<Record<string, unknown>>;
  query?: Record<string, QueryValue>;
  /** The endpoint template for metrics, e.g. `/files/{file_id}`. Defaults to the path template. */
  endpoint?: string;
  /** The `Accept` header the operation declares for its answer (default: by response kind). */
  accept?: string;
  beta?: string;
  deprecated?: RequestSpec['deprecated'];
}

/** A call with a JSON body, validated against `schema` before sending. */
export interface BodyInit<P> extends CallInit {
  body: P;
  /**
   * Checks `body` before sending. Any schema: validation returns the body unchanged, so the
   * schema's own output type does not matter (a loose run-time schema can guard a closed type).
   */
  schema?: Schema<unknown>;
}

/** How a stream call is made: the body (JSON, or multipart with `multipart: true`) and how events are read. */
export interface StreamInit<P> extends BodyInit<P> {
  mode?: 'data' | 'event';
  terminal?: 'done' | 'eof';
  method?: 'POST' | 'GET';
  multipart?: boolean;
}

/** How a byte-stream call is made: GET by default; a POST has a JSON (or multipart) body. */
export interface ByteStreamInit<P> extends CallInit {
  method?: 'GET' | 'POST';
  body?: P;
  schema?: Schema<unknown>;
  multipart?: boolean;
}

/**
 * The core every domain service is built on. Create one with `createOpenAICore`.
 *
 * Every verb reports every failure (validation, a bad path parameter, bad options) as a
 * rejection, or for `stream` and `list` on the first read: none throws synchronously.
 */
export interface OpenAICore {
  readonly config: ResolvedConfig;
  readonly logger: ClientLogger;
  /** Runs any call described as data and parses the JSON result. */
  request<T>(spec: RequestSpec, options?: RequestOptions): Promise<T>;
  get<T>(path: string, init?: CallInit, options?: RequestOptions): Promise<T>;
  post<T, P = unknown>(path: string, init: BodyInit<P>, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, init?: CallInit, options?: RequestOptions): Promise<T>;
  postMultipart<T, P extends Record<string, FormValue> = Record<string, FormValue>>(path: string, init: BodyInit<P>, options?: RequestOptions): Promise<T>;
  getBinary(path: string, init?: CallInit, options?: RequestOptions): Promise<BinaryResponse>;
  postBinary<P = unknown>(path: string, init: BodyInit<P>, options?: RequestOptions): Promise<BinaryResponse>;
  /**
   * Starts a streamed call at once; iterate the result for typed events. `multipart: true`
   * sends `body` as multipart form data (an upload answered with events, say).
   */
  stream<T, P = unknown>(path: string, init: StreamInit<P>, options?: RequestOptions): SseStream<T>;
  /**
   * Starts a call whose answer body is handed over unread, as a web `ReadableStream` of bytes
   * (audio, a file's content), with the same retries, breaker, limiter, idle limit and abort.
   */
  byteStream<P = unknown>(path: string, init?: ByteStreamInit<P>, options?: RequestOptions): ByteStream;
  /** A cursor-paginated list: await for the first page, `for await` for every item. */
  list<T>(path: string, init?: CallInit, options?: RequestOptions): PagedList<T>;
}

/** Options for `createOpenAICore` beyond the client options (tests and embedders). */
export interface CoreInternals {
  /** Replaces retry, budget, breaker and limiter as a whole. */
  policy?: ResiliencePolicy;
  /** The clock the resilience policies read and wait with. */
  clock?: Clock;
}

/** True for a core made by any installed copy of this package. */
export function isOpenAICore(value: unknown): value is OpenAICore {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CORE_BRAND] === true;
}

/**
 * Creates a core from client options (or returns `configOrCore` if it already is one).
 *
 * @example
 * const core = createOpenAICore({ apiKey: process.env.OPENAI_API_KEY });
 * const models = await core.get<{ data: Model[] }>('/models');
 */
export function createOpenAICore(configOrCore: ClientOptions | OpenAICore = {}, internals: CoreInternals = {}): OpenAICore {
  if (isOpenAICore(configOrCore)) return configOrCore;
  const config = resolveConfig(configOrCore);
  const logger = createClientLogger({ logger: config.logger, logLevel: config.logLevel, logBodies: config.logBodies, apiKey: config.apiKey });
  const transport = config.transport ?? createFetchTransport(config.fetch);
  const policy = internals.policy ?? createResiliencePolicy({
    maxRetries: config.maxRetries,
    retry: config.retry,
    circuitBreaker: config.circuitBreaker,
    rateLimit: config.rateLimit,
    hooks: { ...config.hooks },
    clock: internals.clock ?? systemClock,
    logger,
  });
  const execute = createPipeline({ config, transport, logger, policy });

  const parsers: Record<'json' | 'text' | 'binary', ResponseParser<unknown>> = {
    json: async (response, context) => parseJsonBody(await readBodyText(response, context), response, config.apiKey),
    text: readBodyText,
    binary: async (response, context): Promise<BinaryResponse> => ({
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      data: await readBodyBytes(response, context),
    }),
  };

  /** Builds the spec inside the promise, so a bad path or body rejects instead of throwing. */
  async function run<T>(build: RequestSpec | (() => RequestSpec | Promise<RequestSpec>), options?: RequestOptions): Promise<T> {
    const checked = checkRequestOptions(options);
    const built = typeof build === 'function' ? build() : build;
    // Awaited only while a deferred schema loads: a loaded schema adds no tick per call.
    const spec = built instanceof Promise ? await built : built;
    const kind = spec.responseKind === 'binary' || spec.responseKind === 'text' ? spec.responseKind : 'json';
    const { value, meta } = await execute(spec, checked, parsers[kind]);
    return attachResponseMeta(value as T, meta);
  }

  /** A spec whose body is JSON, or multipart form data with `multipart: true`, validated first. */
  function withPayload(method: RequestSpec['method'], path: string, init: { body?: unknown; schema?: Schema<unknown>; multipart?: boolean } & CallInit, responseKind: RequestSpec['responseKind']): RequestSpec | Promise<RequestSpec> {
    if (!init.multipart) return withBody(method, path, init as BodyInit<unknown>, responseKind);
    return validated(init, () => ({ ...bare(method, path, init), multipart: init.body as Record<string, FormValue>, responseKind }));
  }

  function withBody<P>(method: RequestSpec['method'], path: string, init: BodyInit<P>, responseKind?: RequestSpec['responseKind']): RequestSpec | Promise<RequestSpec> {
    return validated(init, () => {
      // `bare`'s spec, completed: spreading it into another object would build each spec twice.
      const spec = bare(method, path, init);
      spec.body = init.body;
      if (responseKind !== undefined) spec.responseKind = responseKind;
      return spec;
    });
  }

  const core: OpenAICore = {
    config,
    logger,
    request: (spec, options) => run(spec, options),
    get: (path, init = {}, options) => run(() => bare('GET', path, init), options),
    post: (path, init, options) => run(() => withBody('POST', path, init), options),
    delete: (path, init = {}, options) => run(() => bare('DELETE', path, init), options),
    postMultipart: (path, init, options) => run(() => validated(init, () => ({ ...bare('POST', path, init), multipart: init.body })), options),
    getBinary: (path, init = {}, options) => run(() => ({ ...bare('GET', path, init), responseKind: 'binary' }), options),
    postBinary: (path, init, options) => run(() => withBody('POST', path, init, 'binary'), options),
    stream<T, P>(path: string, init: StreamInit<P>, rawOptions?: RequestOptions) {
      // Everything that reads the caller's input sits inside the try: a stream method returns a
      // stream that fails on first read, never a synchronous throw.
      let options: RequestOptions;
      let mode: 'data' | 'event';
      let terminal: 'done' | 'eof';
      let method: 'POST' | 'GET';
      let idleTimeoutMs: number;
      try {
        options = checkRequestOptions(rawOptions);
        if (typeof init !== 'object' || init === null) throw new RequestError({ kind: 'validation', message: 'stream() needs an init object with the request body' });
        ({ mode = 'data', terminal = 'done', method = 'POST' } = init);
        idleTimeoutMs = streamIdleTimeoutFor(config, options);
      } catch (error) {
        return SseStream.failed<T>(error);
      }
      let onEvent: (() => void) | undefined;
      return new SseStream<T>({
        apiKey: config.apiKey,
        ...(options.signal ? { signal: options.signal } : {}),
        mode,
        terminal,
        // Per-event telemetry is a metrics counter: without a metrics hook there is nothing to call.
        ...(config.hooks.metrics ? { onEvent: () => onEvent?.() } : {}),
        idleTimeoutMs,
        start: async (signal) => {
          // Validation runs here, inside the stream's start: its error surfaces on the first read.
          const built = withPayload(method, path, init, 'sse');
          const spec = built instanceof Promise ? await built : built;
          const { value, meta, telemetry } = await execute(spec, { ...options, signal }, (response, context) => awaitFirstEvent(response, config.apiKey, context, idleTimeoutMs));
          onEvent = telemetry.streamEvent;
          return { response: value, meta };
        },
      });
    },
    byteStream<P>(path: string, init: ByteStreamInit<P> = {}, rawOptions?: RequestOptions) {
      let options: RequestOptions;
      let idleTimeoutMs: number;
      try {
        options = checkRequestOptions(rawOptions);
        if (typeof init !== 'object' || init === null) throw new RequestError({ kind: 'validation', message: 'byteStream() needs an init object' });
        idleTimeoutMs = streamIdleTimeoutFor(config, options);
      } catch (error) {
        return failedByteStream(error);
      }
      return createByteStream({
        ...(options.signal ? { signal: options.signal } : {}),
        idleTimeoutMs,
        host: new URL(config.baseUrl).host,
        start: async (signal) => {
          // A GET without body or schema is bare; anything else is validated and sent as given.
          const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
          const built = method === 'GET' && init.body === undefined && !init.schema ? { ...bare('GET', path, init), responseKind: 'stream' as const } : withPayload(method, path, init, 'stream');
          const spec = built instanceof Promise ? await built : built;
          // The body is handed over unread: the attempt ends with the headers.
          const { value, meta } = await execute(spec, { ...options, signal }, async (response) => response);
          return { response: value, meta };
        },
      });
    },
    list<T>(path: string, init: CallInit = {}, options?: RequestOptions) {
      return createPagedList<T>((after) =>
        run<CursorPage<T>>(() => ({ ...bare('GET', path, init), query: { ...init.query, ...(after ? { after } : {}) } }), options),
      );
    },
  };
  Object.defineProperty(core, CORE_BRAND, { value: true });
  return Object.freeze(core);
}

/**
 * The stream idle limit of a call: an explicit `streamIdleTimeout` (call, then client) wins;
 * otherwise the smaller of the attempt `timeout` and 5 minutes, so `timeout: 3000` also bounds
 * a stream that stalls after its first chunk.
 */
export function streamIdleTimeoutFor(config: ResolvedConfig, options: RequestOptions): number {
  const explicit = options.streamIdleTimeout ?? config.streamIdleTimeout;
  if (explicit !== undefined) return explicit;
  return Math.min(options.timeout ?? config.timeout, DEFAULT_STREAM_IDLE_TIMEOUT_MS);
}

/** The spec `finish` builds, once the body has passed `init.schema` (when there is one). */
function validated(init: { body?: unknown; schema?: Schema<unknown> }, finish: () => RequestSpec): RequestSpec | Promise<RequestSpec> {
  return init.schema ? afterValidation(init.schema, init.body, finish) : finish();
}

/** A spec without a body: the path (a template filled from `pathParams`) and the call's parts. */
function bare(method: RequestSpec['method'], path: string, init: CallInit): RequestSpec {
  const spec: RequestSpec = { method, path: init.pathParams ? expandPath(path, init.pathParams) : path };
  if (init.pathParams) spec.endpoint = path;
  if (init.query) spec.query = init.query;
  if (init.endpoint) spec.endpoint = init.endpoint;
  if (init.accept) spec.accept = init.accept;
  if (init.beta) spec.beta = init.beta;
  if (init.deprecated) spec.deprecated = init.deprecated;
  return spec;
}
