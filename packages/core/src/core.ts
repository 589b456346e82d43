/**
 * The core client: one config, one transport, one pipeline, and the verbs domain packages call
 * (`get`, `post`, `delete`, `postMultipart`, `getBinary`, `postBinary`, `stream`, `list`).
 */
import { resolveConfig, type ClientOptions, type ResolvedConfig } from './config.js';
import { createClientLogger, type ClientLogger } from './logger.js';
import type { FormValue } from './multipart.js';
import { createPagedList, type CursorPage, type PagedList } from './pagination.js';
import { createPipeline, type ResponseParser } from './request-pipeline.js';
import { parseJsonBody, readBodyBytes, readBodyText } from './read-body.js';
import type { ResiliencePolicy } from './resilience-policy.js';
import { attachResponseMeta } from './response-meta.js';
import type { BinaryResponse, QueryValue, RequestOptions, RequestSpec } from './request-spec.js';
import { awaitFirstEvent } from './await-first-event.js';
import { systemClock, type Clock } from './clock.js';
import { createResiliencePolicy } from './resilience.js';
import { SseStream } from './sse-stream.js';
import { createFetchTransport } from './transport.js';
import { validateParams, type LazySchema, type ParamsSchema } from './validation.js';

const CORE_BRAND = Symbol.for('@integrations/openai-core/core');

type Schema<T> = ParamsSchema<T> | LazySchema<ParamsSchema<T>>;

/** The shared parts of a call made through a verb. */
export interface CallInit {
  query?: Record<string, QueryValue>;
  /** The endpoint template for metrics, e.g. `/files/{file_id}`. */
  endpoint?: string;
  beta?: string;
  deprecated?: RequestSpec['deprecated'];
}

/** A call with a JSON body, validated against `schema` before sending. */
export interface BodyInit<P> extends CallInit {
  /** Typed by `schema` when one is given. */
  body: NoInfer<P>;
  schema?: Schema<P>;
}

/** The core every domain service is built on. Create one with `createOpenAICore`. */
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
  /** Starts a streamed call at once; iterate the result for typed events. */
  stream<T, P = unknown>(path: string, init: BodyInit<P> & { mode?: 'data' | 'event'; terminal?: 'done' | 'eof'; method?: 'POST' | 'GET' }, options?: RequestOptions): SseStream<T>;
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

  async function run<T>(spec: RequestSpec, options: RequestOptions = {}): Promise<T> {
    const kind = spec.responseKind === 'binary' || spec.responseKind === 'text' ? spec.responseKind : 'json';
    const { value, meta } = await execute(spec, options, parsers[kind]);
    return attachResponseMeta(value as T, meta);
  }

  function withBody<P>(method: RequestSpec['method'], path: string, init: BodyInit<P>, extra: Partial<RequestSpec>): RequestSpec {
    if (init.schema) validateParams(init.schema, init.body);
    return { method, path, ...pick(init), body: init.body, ...extra };
  }

  const core: OpenAICore = {
    config,
    logger,
    request: run,
    get: (path, init = {}, options) => run({ method: 'GET', path, ...pick(init) }, options),
    post: (path, init, options) => run(withBody('POST', path, init, {}), options),
    delete: (path, init = {}, options) => run({ method: 'DELETE', path, ...pick(init) }, options),
    postMultipart: (path, init, options) => {
      if (init.schema) validateParams(init.schema, init.body);
      return run({ method: 'POST', path, ...pick(init), multipart: init.body }, options);
    },
    getBinary: (path, init = {}, options) => run({ method: 'GET', path, ...pick(init), responseKind: 'binary' }, options),
    postBinary: (path, init, options) => run(withBody('POST', path, init, { responseKind: 'binary' }), options),
    stream<T, P>(path: string, init: BodyInit<P> & { mode?: 'data' | 'event'; terminal?: 'done' | 'eof'; method?: 'POST' | 'GET' }, options: RequestOptions = {}) {
      const spec = withBody(init.method ?? 'POST', path, init, { responseKind: 'sse' });
      let onEvent: (() => void) | undefined;
      return new SseStream<T>({
        apiKey: config.apiKey,
        ...(options.signal ? { signal: options.signal } : {}),
        mode: init.mode ?? 'data',
        terminal: init.terminal ?? 'done',
        onEvent: () => onEvent?.(),
        idleTimeoutMs: options.streamIdleTimeout ?? config.streamIdleTimeout,
        start: async (signal) => {
          const { value, meta, telemetry } = await execute(spec, { ...options, signal }, (response, context) => awaitFirstEvent(response, config.apiKey, context));
          onEvent = telemetry.streamEvent;
          return { response: value, meta };
        },
      });
    },
    list<T>(path: string, init: CallInit = {}, options?: RequestOptions) {
      return createPagedList<T>((after) =>
        run<CursorPage<T>>({ method: 'GET', path, ...pick(init), query: { ...init.query, ...(after ? { after } : {}) } }, options),
      );
    },
  };
  Object.defineProperty(core, CORE_BRAND, { value: true });
  return Object.freeze(core);
}

function pick(init: CallInit): Partial<RequestSpec> {
  const spec: Partial<RequestSpec> = {};
  if (init.query) spec.query = init.query;
  if (init.endpoint) spec.endpoint = init.endpoint;
  if (init.beta) spec.beta = init.beta;
  if (init.deprecated) spec.deprecated = init.deprecated;
  return spec;
}
