import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseDecoder, type ServerSentEvent } from './sse-decoder.js';

const encoder = new TextEncoder();

function decodeChunks(chunks: Uint8Array[]): { events: ServerSentEvent[]; comments: number } {
  const decoder = new SseDecoder();
  const events = chunks.flatMap((chunk) => decoder.push(chunk));
  events.push(...decoder.end());
  return { events, comments: decoder.comments };
}

function decodeText(text: string) {
  return decodeChunks([encoder.encode(text)]).events;
}

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.byteLength + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.slice(start, point));
    start = point;
  }
  chunks.push(bytes.slice(start));
  return chunks;
}

describe('SSE decoder', () => {
  it('decodes data events separated by blank lines', () => {
    expect(decodeText('data: {"a":1}\n\ndata: {"a":2}\n\n')).toEqual([
      { event: 'message', data: '{"a":1}' },
      { event: 'message', data: '{"a":2}' },
    ]);
  });

  it('treats CRLF, LF and lone CR as line ends alike', () => {
    const expected = [{ event: 'message', data: 'x' }, { event: 'message', data: 'y' }];
    expect(decodeText('data: x\r\n\r\ndata: y\r\n\r\n')).toEqual(expected);
    expect(decodeText('data: x\r\rdata: y\r\r')).toEqual(expected);
    expect(decodeText('data: x\n\ndata: y\r\n\r')).toEqual(expected);
  });

  it('joins multi-line data with newlines', () => {
    expect(decodeText('data: line one\ndata: line two\ndata:\n\n')).toEqual([{ event: 'message', data: 'line one\nline two\n' }]);
  });

  it('skips comments but counts them as activity', () => {
    const { events, comments } = decodeChunks([encoder.encode(': keep-alive\n\n: ping\ndata: x\n\n')]);
    expect(events).toEqual([{ event: 'message', data: 'x' }]);
    expect(comments).toBe(2);
  });

  it('carries event names, ids and retry, and resets the name after each event', () => {
    expect(decodeText('event: thread.run.created\nid: 7\nretry: 3000\ndata: {}\n\ndata: next\n\n')).toEqual([
      { event: 'thread.run.created', data: '{}', id: '7', retry: 3000 },
      { event: 'message', data: 'next', id: '7', retry: 3000 },
    ]);
  });

  it('keeps a value without the optional space, ignores unknown fields and strips a leading BOM', () => {
    expect(decodeText('\uFEFFdata:tight\nfoo: bar\n\n')).toEqual([{ event: 'message', data: 'tight' }]);
  });

  it('does not dispatch an event with no data lines', () => {
    expect(decodeText('event: ping\n\n')).toEqual([]);
  });

  it('drops a final event that never got its blank line', () => {
    expect(decodeText('data: complete\n\ndata: incomplete')).toEqual([{ event: 'message', data: 'complete' }]);
  });

  it('reassembles a UTF-8 character split across chunks', () => {
    const bytes = encoder.encode('data: héllo 👋 世界\n\n');
    const emojiStart = bytes.indexOf(0xf0);
    const chunks = [bytes.slice(0, emojiStart + 1), bytes.slice(emojiStart + 1, emojiStart + 3), bytes.slice(emojiStart + 3)];
    expect(decodeChunks(chunks).events).toEqual([{ event: 'message', data: 'héllo 👋 世界' }]);
  });

  it('decodes the same events for any split of the same bytes (property)', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', '👋', '世', ' ', ':', '{', '"', 'z'), maxLength: 12 });
    const eventText = fc.record({
      name: fc.option(fc.constantFrom('message', 'error', 'thread.message.delta'), { nil: undefined }),
      data: fc.array(line, { minLength: 1, maxLength: 3 }),
      comment: fc.boolean(),
      newline: fc.constantFrom('\n', '\r\n', '\r'),
    }).map(({ name, data, comment, newline }) =>
      (comment ? `: keep-alive${newline}` : '') + (name ? `event: ${name}${newline}` : '') + data.map((item) => `data: ${item}${newline}`).join('') + newline,
    );
    fc.assert(
      fc.property(fc.array(eventText, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 20 }), (events, cuts) => {
        const bytes = encoder.encode(events.join(''));
        const whole = decodeChunks([bytes]);
        const split = decodeChunks(splitAt(bytes, cuts));
        expect(split.events).toEqual(whole.events);
        expect(split.comments).toBe(whole.comments);
        expect(whole.events).toHaveLength(events.length);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes byte by byte exactly as in one piece', () => {
    const bytes = encoder.encode('event: a\r\ndata: 1\r\n\r\n: c\r\ndata: 世界\r\ndata: 2\r\n\r\n');
    const oneByteChunks = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(decodeChunks(oneByteChunks).events).toEqual(decodeChunks([bytes]).events);
  });

  it('keeps a CRLF whole when an empty chunk falls between the CR and the LF', () => {
    const chunks = [encoder.encode('data: a\r'), new Uint8Array(0), encoder.encode('\ndata: b\n\n')];
    expect(decodeChunks(chunks).events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('decodes one 16 MB event sent in 16 KiB chunks (a partial image), scanning each byte once', () => {
    const payload = 'x'.repeat(16 * 1024 * 1024);
    const bytes = encoder.encode(`event: image_generation.partial_image\ndata: {"b64_json":"${payload}"}\n\n`);
    const chunks = splitAt(bytes, Array.from({ length: Math.ceil(bytes.byteLength / 16_384) }, (_, index) => (index + 1) * 16_384));
    const { events } = decodeChunks(chunks);
    expect(events).toHaveLength(1);
    expect(events[0]!.event).toBe('image_generation.partial_image');
    expect(events[0]!.data.length).toBe(payload.length + '{"b64_json":""}'.length);
  });
});

describe('byte order marks', () => {
  it('drops one leading BOM, as the spec says, and keeps a second as data', () => {
    expect(decodeChunks([encoder.encode('\uFEFFdata: a\n\n')]).events).toEqual([{ event: 'message', data: 'a' }]);
    expect(decodeChunks([encoder.encode('\uFEFF\uFEFFdata: a\n\n')]).events).toEqual([]);
  });
});
