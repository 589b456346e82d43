import { describe, expect, it } from 'vitest';
import { importOptional } from '../input/endpoint-schemas.js';
import { jsonlLines } from './jsonl-lines.js';

function streamOf(...chunks: Array<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function lines(stream: ReadableStream<Uint8Array>) {
  const found: Array<[number, string]> = [];
  for await (const { number, text } of jsonlLines(stream)) found.push([number, text]);
  return found;
}

describe('jsonlLines', () => {
  it('splits lines across chunk boundaries, numbering them from 1', async () => {
    expect(await lines(streamOf('{"a":', '1}\n{"b"', ':2}\n', '{"c":3}'))).toEqual([[1, '{"a":1}'], [2, '{"b":2}'], [3, '{"c":3}']]);
  });

  it('drops the CR of CRLF endings and keeps blank lines for the caller to see', async () => {
    expect(await lines(streamOf('a\r\n\r\nb\r\n'))).toEqual([[1, 'a'], [2, ''], [3, 'b']]);
  });

  it('decodes a character whose bytes are split between chunks', async () => {
    const bytes = new TextEncoder().encode('"é€😀"\n');
    expect(await lines(streamOf(bytes.subarray(0, 2), bytes.subarray(2, 5), bytes.subarray(5)))).toEqual([[1, '"é€😀"']]);
  });

  it('gathers a line far longer than a chunk', async () => {
    const long = 'x'.repeat(100_000);
    const pieces = Array.from({ length: 100 }, (_, index) => long.slice(index * 1_000, (index + 1) * 1_000));
    expect(await lines(streamOf(...pieces, '\nend'))).toEqual([[1, long], [2, 'end']]);
  });

  it('cancels the source when the reader stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new TextEncoder().encode('line\n')),
      cancel: () => void (cancelled = true),
    });
    for await (const _line of jsonlLines(stream)) break;
    expect(cancelled).toBe(true);
  });
});

describe('importOptional', () => {
  it('returns undefined for a package that is not installed', async () => {
    expect(await importOptional('@integrations/openai-not-installed')).toBeUndefined();
  });
});
