/**
 * Browsers and edge runtimes: a batch input gathered into a Blob (browsers keep large Blobs
 * out of the JS heap), which a retried upload can read again. Selected by `#spool` wherever
 * `node` is not a condition.
 */
import { toFile, type Uploadable } from '@integrations/openai-core';

/** A spooled input: what to upload, and how to remove it afterwards. */
export interface Spooled {
  file: Uploadable;
  dispose(): Promise<void>;
}

/** Gathers `stream` into a Blob named `name`. */
export async function spool(stream: ReadableStream<Uint8Array>, name: string): Promise<Spooled> {
  const blob = await new Response(stream).blob();
  return { file: toFile(blob, name, { type: 'application/jsonl' }), dispose: async () => undefined };
}
