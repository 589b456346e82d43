/**
 * Streams speech straight to a file, atomically (a temp file beside the target, then a
 * rename): constant memory whatever the length, and the target is never half written. Node,
 * Bun and Deno only: the writer is core's `./write-file` entry (a stub outside Node).
 */
import { getResponseMeta, type ByteStream } from '@integrations/openai-core';
import { attachResponseMeta } from '@integrations/openai-core/internal';

/** What `saveSpeech` wrote. */
export interface SavedSpeech {
  path: string;
  /** Bytes written. */
  bytes: number;
}

/**
 * Writes `audio` to `path`; on any failure (the stream errors, is aborted, the disk fills) the
 * temp file is removed and `path` is untouched.
 *
 * @example
 * const saved = await writeSpeech(core.byteStream('/audio/speech', { method: 'POST', body: params }), 'hello.mp3');
 */
export async function writeSpeech(audio: ByteStream, path: string): Promise<SavedSpeech> {
  // Node's fs loads on the first save, not with the package.
  const { writeFileAtomically } = await import('@integrations/openai-core/write-file');
  const bytes = await writeFileAtomically(audio, path, { createDirectory: true });
  const meta = getResponseMeta(audio);
  const saved = { path, bytes };
  return meta ? attachResponseMeta(saved, meta) : saved;
}
