/** Server-side helpers for the transport contract: socket-close watching, upload checksums, files. */
import type { LoopbackHandler } from '@integrations/test-kit';
import { createHash, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';

/** A promise that resolves when the server sees the request's connection close. */
export function closeWatcher() {
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  return {
    /** Resolves once the watched socket closed; a test hangs (and times out) if it never does. */
    closed,
    watch(request: IncomingMessage) {
      request.socket.once('close', () => resolveClosed());
    },
  };
}

/** A port nothing listens on (bound, read, released). */
export async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Writes `size` random bytes to `path` a mebibyte at a time; returns their SHA-256. */
export async function writeRandomFile(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'w');
  try {
    for (let written = 0; written < size;) {
      const bytes = randomBytes(Math.min(1024 * 1024, size - written));
      hash.update(bytes);
      await handle.write(bytes);
      written += bytes.byteLength;
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** What the server measured of a single-part multipart upload. */
export interface ReceivedUpload {
  fileBytes: number;
  sha256: string;
  /** True when the bytes after the file were exactly the closing boundary. */
  closedCleanly: boolean;
}

/**
 * A handler that streams a multipart body with one file part, hashing only the file's bytes
 * (between the part head and the closing boundary) without keeping the body, then answers JSON.
 */
export function checksumUploadHandler(onReceived: (upload: ReceivedUpload) => void): LoopbackHandler {
  return async (request, response) => {
    const boundary = /boundary=(\S+)/.exec(request.headers['content-type'] ?? '')?.[1] ?? '';
    const closing = Buffer.from(`\r\n--${boundary}--\r\n`);
    const hash = createHash('sha256');
    let head: Buffer | undefined = Buffer.alloc(0);
    let held = Buffer.alloc(0);
    let fileBytes = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      let data = chunk;
      if (head !== undefined) {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end === -1) continue;
        data = head.subarray(end + 4);
        head = undefined;
      }
      // Hold back as many bytes as the closing boundary: they may not be file bytes.
      held = Buffer.concat([held, data]);
      const ready = held.byteLength - closing.byteLength;
      if (ready > 0) {
        hash.update(held.subarray(0, ready));
        fileBytes += ready;
        held = held.subarray(ready);
      }
    }
    const upload = { fileBytes, sha256: hash.digest('hex'), closedCleanly: held.equals(closing) };
    onReceived(upload);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: 'file-contract', bytes: fileBytes }));
  };
}
