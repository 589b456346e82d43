/**
 * Browser and edge stub for the `#file-system` writer: there is no file system. Selected by
 * the `#file-system` import condition wherever `node` is not a condition.
 */

/** Always rejects: writing `target` needs a file system (Node.js, Bun or Deno). */
export async function writeFileAtomically(data: Uint8Array | ReadableStream<Uint8Array>, target: string): Promise<number> {
  if (!(data instanceof Uint8Array)) await data.cancel().catch(() => undefined);
  throw new Error(`writing ${JSON.stringify(target)} needs a file system (Node.js, Bun or Deno); use the bytes or the stream instead`);
}
