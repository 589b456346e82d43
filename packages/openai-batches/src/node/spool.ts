/**
 * Node: a batch input written to a temp file and uploaded as `{ path }`, so a retried upload
 * reads it again from disk (a stream can be sent only once) while memory stays constant.
 * Loaded through the `#spool` import condition; other runtimes get a Blob (spool-unsupported.ts).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Uploadable } from '@integrations/openai-core';

/** A spooled input: what to upload, and how to remove it afterwards. */
export interface Spooled {
  file: Uploadable;
  dispose(): Promise<void>;
}

/** Writes `stream` to a temp file named `name`; `dispose()` removes it. */
export async function spool(stream: ReadableStream<Uint8Array>, name: string): Promise<Spooled> {
  const directory = await mkdtemp(join(tmpdir(), 'openai-batch-'));
  const dispose = () => rm(directory, { recursive: true, force: true });
  try {
    const path = join(directory, name);
    await pipeline(Readable.fromWeb(stream as import('node:stream/web').ReadableStream<Uint8Array>), createWriteStream(path));
    return { file: { path }, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
