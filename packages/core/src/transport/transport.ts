/**
 * The transport sends one HTTP request and returns the response head; it knows nothing of
 * retries or errors. The default is the runtime's `fetch` (or an injected one).
 */
import { fetchDispatcher } from '#fetch-dispatcher';

/** One HTTP attempt, fully built: URL, headers with credentials, body, the attempt's signal. */
export interface TransportRequest {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null;
  signal: AbortSignal;
}

/**
 * Sends a request. Implement it to route through something other than fetch.
 *
 * @example
 * const transport: Transport = { send: (request) => myFetch(request.url, request) };
 */
export interface Transport {
  send(request: TransportRequest): Promise<Response>;
}

function withDispatcher(init: RequestInit, dispatcher: object | undefined): RequestInit {
  if (dispatcher !== undefined) (init as RequestInit & { dispatcher?: object }).dispatcher = dispatcher;
  return init;
}

/** A transport over `fetch` (the global one unless `fetchImplementation` is given). */
export function createFetchTransport(fetchImplementation?: typeof fetch): Transport {
  return {
    send(request) {
      const doFetch = fetchImplementation ?? globalThis.fetch;
      const isStream = typeof ReadableStream !== 'undefined' && request.body instanceof ReadableStream;
      const init: RequestInit & { duplex?: 'half' } = {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
      };
      // A streamed request body needs half-duplex mode in fetch (Node's undici and browsers), and
      // must not follow redirects: a silent re-send to another URL is wrong for an upload. The
      // mode is `error`, not `manual`: for any other mode Node's fetch sends a clone of the
      // request whose unread second branch buffers the whole body (a 512 MiB upload held in
      // memory). The refused redirect becomes a typed `redirect_refused` (classify-failure.ts).
      // A Blob body is an upload too (a browser's, see preferBlobBodies): never re-sent elsewhere.
      if (isStream) {
        init.duplex = 'half';
        init.redirect = 'error';
      } else if (typeof Blob !== 'undefined' && request.body instanceof Blob) {
        init.redirect = 'error';
      }
      // On Node, the global fetch's own 300 s header and body limits would cut a long request
      // short of `timeout`: use an agent without them (src/node/fetch-dispatcher.ts). An
      // injected fetch is the caller's to configure.
      if (fetchImplementation === undefined) {
        const dispatcher = fetchDispatcher();
        if (dispatcher instanceof Promise) return dispatcher.then((found) => doFetch(request.url, withDispatcher(init, found)));
        return doFetch(request.url, withDispatcher(init, dispatcher));
      }
      return doFetch(request.url, init);
    },
  };
}
