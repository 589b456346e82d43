/**
 * A raw HTTP server on 127.0.0.1 (port 0), so integration tests exercise the real transport:
 * sockets, streaming bodies, resets and stalls. Every connection is destroyed on close.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Handles one request; may write partially, stall, or destroy the socket. */
export type LoopbackHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `http://127.0.0.1:PORT/v1` */
  baseUrl: string;
  /** How many requests arrived. */
  readonly requestCount: number;
  close(): Promise<void>;
}

/**
 * Starts a server; `close()` it in `afterEach`/`afterAll`.
 *
 * @example
 * const server = await startLoopbackServer((request, response) => response.socket?.destroy());
 */
export async function startLoopbackServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  let requestCount = 0;
  const server = createServer((request, response) => {
    requestCount++;
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      response.destroy(error as Error);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/v1`,
    get requestCount() { return requestCount; },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Reads a request body to the end and returns its size in bytes (without keeping it). */
export async function drainRequest(request: IncomingMessage, onChunk?: (received: number) => void | Promise<void>): Promise<number> {
  let received = 0;
  for await (const chunk of request) {
    received += (chunk as Buffer).byteLength;
    await onChunk?.(received);
  }
  return received;
}
