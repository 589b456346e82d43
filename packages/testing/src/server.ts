/**
 * Serves a mock on a real HTTP server on 127.0.0.1 (port 0 by default), so tests and demos
 * exercise real sockets and streaming. A `Response.error()` or a body stream that errors
 * becomes a real connection reset. Browsers on another origin can call it: the engine answers
 * CORS preflights and exposes the API's headers (see cors.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { createMockOpenAI, type MockOpenAI, type MockOpenAIOptions } from './mock-openai.js';

/** A running mock server. */
export interface MockServer extends MockOpenAI {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The API root to pass as `baseUrl`, e.g. `http://127.0.0.1:PORT/v1`. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

function toRequest(incoming: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method: incoming.method, headers, signal };
  if (hasBody) {
    init.body = Readable.toWeb(incoming) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(new URL(incoming.url ?? '/', origin), init);
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  if (response.type === 'error') {
    outgoing.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  outgoing.writeHead(response.status, headers);
  outgoing.flushHeaders(); // a stream's headers go out before its first event
  if (response.body === null) {
    outgoing.end();
    return;
  }
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (outgoing.destroyed) return;
      // Waiting for each write to flush gives backpressure, and makes a later reset come after
      // the bytes already sent (a reset "after N events" really follows them).
      await new Promise<void>((resolve, reject) => outgoing.write(chunk, (error) => (error ? reject(error) : resolve())));
    }
    outgoing.end();
  } catch {
    outgoing.socket?.destroy(); // the body failed on purpose (a reset fault) or the client left
  }
}

/**
 * Starts a mock OpenAI server on 127.0.0.1.
 *
 * @example
 * const server = await startMockServer();
 * server.chat.reply('Hi there!');
 * server.faults.next({ status: 429, headers: { 'retry-after-ms': '10' } });
 * const client = createOpenAIClient({ apiKey: 'sk-test', baseUrl: server.baseUrl });
 * // ...
 * await server.close();
 */
export async function startMockServer(options: MockOpenAIOptions & { port?: number; host?: string } = {}): Promise<MockServer> {
  const mock = createMockOpenAI(options);
  const sockets = new Set<Socket>();
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    const controller = new AbortController();
    outgoing.on('close', () => controller.abort(new Error('client closed the connection')));
    mock.handle(toRequest(incoming, origin, controller.signal))
      .then((response) => send(response, outgoing))
      .catch(() => outgoing.socket?.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;
  return {
    ...mock,
    origin,
    baseUrl: `${origin}${options.basePath ?? '/v1'}`,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
