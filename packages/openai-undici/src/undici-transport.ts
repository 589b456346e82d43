/**
 * A core `Transport` on undici's `request()`: a keep-alive pool per origin, no timeouts of its
 * own (core's per-attempt timeout and stream idle timeout are the only clocks), streamed request
 * and response bodies, and redirects never followed.
 */
import { RequestError, type Transport, type TransportRequest } from '@integrations/openai-core';
import { Agent, type Dispatcher } from 'undici';
import { target } from './target.js';
import { toUndiciBody } from './to-undici-body.js';
import { toWebResponse } from './to-web-response.js';

/** Pool options; every one has undici's default when left out (see the README). */
export interface UndiciTransportOptions {
  /** Most sockets open at once to one origin. Default: no limit, as with fetch. */
  connections?: number;
  /** Requests in flight on one socket (HTTP/1.1 pipelining). Default 1: no pipelining. */
  pipelining?: number;
  /** Milliseconds an idle socket stays open when the server sends no `Keep-Alive` hint. Default 4,000. */
  keepAliveTimeout?: number;
  /** Upper bound, in milliseconds, on a server's `Keep-Alive: timeout=` hint. Default 600,000. */
  keepAliveMaxTimeout?: number;
  /** Milliseconds to wait for a TCP (and TLS) connection. Default 10,000. */
  connectTimeout?: number;
  /**
   * Send through this dispatcher (a `ProxyAgent`, an `Agent` with TLS options) instead of a pool
   * of our own. The pool options above are then ignored, and `close()` leaves it open: it is yours.
   */
  dispatcher?: Dispatcher;
}

/** A transport over an undici pool; `close()` it when the client is no longer needed. */
export interface UndiciTransport extends Transport {
  /** The dispatcher requests go through. */
  readonly dispatcher: Dispatcher;
  /** Waits for requests in flight, then closes every socket. Later sends fail with `transport_closed`. */
  close(): Promise<void>;
}

/**
 * Our own header and body limits are off: undici's defaults (300 s for headers, 300 s between
 * body chunks) would end a long reasoning request or a quiet stream before core's `timeout` and
 * `streamIdleTimeout` do, which is the defect of Node's built-in fetch this package exists for.
 * `send` writes the same two fields out as literals (no spread per request).
 */
const NO_TRANSPORT_TIMEOUTS = { headersTimeout: 0, bodyTimeout: 0 } as const;

function poolFor(options: UndiciTransportOptions): Agent {
  const pool: Agent.Options = { ...NO_TRANSPORT_TIMEOUTS };
  if (options.connections !== undefined) pool.connections = options.connections;
  if (options.pipelining !== undefined) pool.pipelining = options.pipelining;
  if (options.keepAliveTimeout !== undefined) pool.keepAliveTimeout = options.keepAliveTimeout;
  if (options.keepAliveMaxTimeout !== undefined) pool.keepAliveMaxTimeout = options.keepAliveMaxTimeout;
  if (options.connectTimeout !== undefined) pool.connectTimeout = options.connectTimeout;
  return new Agent(pool);
}

/**
 * Header pairs as undici's flat `[name, value, name, value, ...]` list (its fastest form), with
 * the compression fetch negotiates (decoded in to-web-response.ts) and the body's content type
 * when the request has none. One pass over the headers: `has()` on a `Headers` is webidl code.
 */
function headerList(headers: Headers, contentType: string | undefined): string[] {
  const list: string[] = [];
  let acceptEncoding = false;
  let hasContentType = false;
  headers.forEach((value, name) => {
    list.push(name, value);
    // `forEach` names are lower-case already.
    if (name === 'accept-encoding') acceptEncoding = true;
    else if (name === 'content-type') hasContentType = true;
  });
  if (!acceptEncoding) list.push('accept-encoding', 'gzip, deflate');
  if (contentType !== undefined && !hasContentType) list.push('content-type', contentType);
  return list;
}

/**
 * Creates a transport on undici; pass it as `transport` to any client or service.
 *
 * @example
 * const transport = undiciTransport({ connections: 32, keepAliveTimeout: 30_000 });
 * const client = createOpenAIClient({ apiKey: process.env.OPENAI_API_KEY, transport });
 * // ...
 * await transport.close();
 */
export function undiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const owned = options.dispatcher === undefined;
  const dispatcher = options.dispatcher ?? poolFor(options);
  let closed = false;

  async function send(request: TransportRequest): Promise<Response> {
    if (closed) {
      throw new RequestError({ kind: 'transport_closed', retryable: false, message: 'This undici transport was closed (transport.close()); create a new one for new requests.' });
    }
    const { origin, path } = target(request.url);
    const { body, contentType } = toUndiciBody(request.body);
    const response = await dispatcher.request({
      origin,
      path,
      method: request.method as Dispatcher.HttpMethod,
      headers: headerList(request.headers, contentType),
      body,
      signal: request.signal,
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    return toWebResponse(response, request.method, request.url);
  }

  return {
    dispatcher,
    send,
    async close() {
      if (closed) return;
      closed = true;
      if (owned) await dispatcher.close();
    },
  };
}
