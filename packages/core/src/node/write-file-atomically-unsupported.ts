/**
 * Browser and edge stub of `@integrations/openai-core/write-file`: there is no file system.
 * Selected wherever `node` is not a condition.
 */

/** How to write (unused here). */
export interface WriteFileOptions {
  createDirectory?: boolean;
}

/** Always rejects: writing `target` needs a file system. A stream is cancelled, freeing its request. */
export async function writeFileAtomically(data: Uint8Array | ReadableStream<Uint8Array>, target: string, _options: WriteFileOptions = {}): Promise<number> {
  if (!(data instanceof Uint8Array)) await data.cancel().catch(() => undefined);
  throw new Error(`writing ${JSON.stringify(target)} needs a file system (Node.js, Bun or Deno); use the bytes or the stream instead`);
}
