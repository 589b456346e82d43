/**
 * Splits a byte stream into lines as it arrives: one chunk decoded at a time, a line longer
 * than a chunk gathered in pieces (joined once), so memory follows the longest line, not the
 * file. `LineSplitter` does it synchronously, chunk by chunk (no await per line: a 1 GB output
 * has millions); `jsonlLines` wraps it for a stream.
 */

/** One line and its number (1-based). */
export interface NumberedLine {
  number: number;
  text: string;
}

/**
 * Cuts decoded chunks into lines, without the line break (a `\r` before it is dropped too).
 *
 * @example
 * const splitter = new LineSplitter();
 * for (const line of splitter.push(bytes)) handle(line);
 * for (const line of splitter.end()) handle(line);
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder();
  private pieces: string[] = [];
  private number = 0;

  /** The lines completed by `bytes`. */
  push(bytes: Uint8Array): NumberedLine[] {
    return this.split(this.decoder.decode(bytes, { stream: true }));
  }

  /** The last line, when the input did not end with a line break. */
  end(): NumberedLine[] {
    const lines = this.split(this.decoder.decode());
    if (this.pieces.length > 0) lines.push(this.finish(''));
    return lines;
  }

  private split(chunk: string): NumberedLine[] {
    const lines: NumberedLine[] = [];
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      lines.push(this.finish(chunk.slice(start, end)));
      start = end + 1;
    }
    if (start < chunk.length) this.pieces.push(chunk.slice(start));
    return lines;
  }

  private finish(tail: string): NumberedLine {
    let text = tail;
    if (this.pieces.length > 0) {
      this.pieces.push(tail);
      text = this.pieces.join('');
      this.pieces = [];
    }
    return { number: ++this.number, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  }
}

/**
 * Yields every line of `stream`.
 *
 * @example
 * for await (const { number, text } of jsonlLines(stream)) JSON.parse(text);
 */
export async function* jsonlLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<NumberedLine> {
  const splitter = new LineSplitter();
  const reader = stream.getReader();
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return yield* splitter.end();
      yield* splitter.push(next.value);
    }
  } finally {
    // Not awaited: stopping early must not wait on the transport (a cancel may never settle).
    reader.cancel().catch(() => undefined);
  }
}
