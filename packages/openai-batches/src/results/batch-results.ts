/**
 * A finished batch's results: its output file, then its error file, each streamed and cut into
 * lines chunk by chunk, so a 1 GB output takes constant memory. One async step per result: the
 * lines of a chunk are split and parsed synchronously.
 */
import { RequestError, type RequestOptions } from '@integrations/openai-core';
import type { FilesService } from '@integrations/openai-files';
import { FINAL_BATCH_STATUSES, type Batch } from '../batches/batches-types.js';
import { parseResultLine, type BatchResult, type LineSource } from './batch-result.js';
import { LineSplitter, type NumberedLine } from './jsonl-lines.js';

/**
 * Yields every result of the batch `getBatch` resolves to (it must be in a final status),
 * output file first.
 *
 * @example
 * for await (const result of readResults(files, async () => batch)) if (!result.ok) console.warn(result.custom_id, result.error.message);
 */
export async function* readResults<E extends string>(files: Pick<FilesService, 'contentStream'>, getBatch: () => Promise<Batch<E>>, options?: RequestOptions): AsyncGenerator<BatchResult<E>> {
  const batch = await getBatch();
  if (!FINAL_BATCH_STATUSES.has(batch.status)) {
    throw new RequestError({
      kind: 'batch_not_finished',
      message: `Batch ${batch.id} is ${batch.status}: its results are ready once it is completed, failed, expired or cancelled (see waitFor).`,
    });
  }
  const sources: LineSource[] = [];
  if (batch.output_file_id) sources.push({ kind: 'output', fileId: batch.output_file_id, batchId: batch.id });
  if (batch.error_file_id) sources.push({ kind: 'error', fileId: batch.error_file_id, batchId: batch.id });
  for (const source of sources) {
    const reader = files.contentStream(source.fileId, options).getReader();
    const splitter = new LineSplitter();
    try {
      for (;;) {
        const next = await reader.read();
        const lines: NumberedLine[] = next.done ? splitter.end() : splitter.push(next.value);
        for (const line of lines) {
          // A blank line carries no record (a trailing newline, say); anything else must be one.
          if (line.text.trim() !== '') yield parseResultLine<E>(line.text, line.number, source);
        }
        if (next.done) break;
      }
    } finally {
      // Not awaited: a reader that stops early must not wait on the transport's cancel.
      reader.cancel().catch(() => undefined);
    }
  }
}
