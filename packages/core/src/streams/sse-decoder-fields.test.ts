/** The SSE decoder's field rules (WHATWG HTML §9.2), for lines read whole and lines split across chunks. */
import { describe, expect, it } from 'vitest';
import { SseDecoder, type ServerSentEvent } from './sse-decoder.js';

const encoder = new TextEncoder();

/** Decodes `text` in one chunk, and again split after every character: both must agree. */
function decodeBothWays(text: string): ServerSentEvent[] {
  const whole = new SseDecoder();
  const events = [...whole.push(encoder.encode(text)), ...whole.end()];
  const split = new SseDecoder();
  const pieces = [...text].flatMap((character) => split.push(encoder.encode(character)));
  pieces.push(...split.end());
  expect(pieces).toEqual(events);
  return events;
}

describe('data lines', () => {
  it('strips exactly one space after the colon', () => {
    expect(decodeBothWays('data:  two spaces\n\ndata:none\n\ndata: one\n\n').map((event) => event.data)).toEqual([' two spaces', 'none', 'one']);
  });

  it('takes a bare "data" or "data:" line as an empty data line', () => {
    expect(decodeBothWays('data\n\ndata:\n\ndata\ndata\n\n').map((event) => event.data)).toEqual(['', '', '\n']);
  });

  it('keeps a colon inside the value', () => {
    expect(decodeBothWays('data: {"a":"b:c"}\n\n')[0]!.data).toBe('{"a":"b:c"}');
  });

  it('does not take a field that only starts with "data" as data', () => {
    expect(decodeBothWays('datum: x\ndata-x: y\n\n')).toEqual([]);
  });
});

describe('other fields', () => {
  it('names an event, and falls back to "message" for an empty name', () => {
    expect(decodeBothWays('event: done\ndata: 1\n\nevent:\ndata: 2\n\nevent\ndata: 3\n\n').map((event) => event.event)).toEqual(['done', 'message', 'message']);
  });

  it('keeps the last event id for later events, and ignores an id containing NUL', () => {
    expect(decodeBothWays('id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000\ndata: c\n\nid: 3\ndata: d\n\n').map((event) => event.id)).toEqual(['1', '1', '1', '3']);
  });

  it('takes a retry of digits only, and keeps it for later events', () => {
    expect(decodeBothWays('retry: 1500\ndata: a\n\nretry: 2s\ndata: b\n\nretry: -1\ndata: c\n\n').map((event) => event.retry)).toEqual([1500, 1500, 1500]);
  });

  it('adds no id or retry to events when none was sent', () => {
    expect(Object.keys(decodeBothWays('data: a\n\n')[0]!)).toEqual(['event', 'data']);
  });
});

describe('comments and the end of the stream', () => {
  it('counts a comment even when the stream ends in the middle of it', () => {
    const decoder = new SseDecoder();
    decoder.push(encoder.encode(': keep'));
    decoder.push(encoder.encode('-alive'));
    expect(decoder.end()).toEqual([]);
    expect(decoder.comments).toBe(1);
  });

  it('counts comments split across chunks once each', () => {
    const decoder = new SseDecoder();
    for (const piece of [': pi', 'ng\n:', ' pong\n', 'data: x\n\n']) decoder.push(encoder.encode(piece));
    expect(decoder.comments).toBe(2);
  });

  it('ends with no event for data lines that never got their blank line, split or not', () => {
    const decoder = new SseDecoder();
    decoder.push(encoder.encode('data: a\ndat'));
    decoder.push(encoder.encode('a: b'));
    expect(decoder.end()).toEqual([]);
  });
});

describe('line ends', () => {
  it('takes CR, LF and CRLF as one line end each, never CR LF as two', () => {
    expect(decodeBothWays('data: a\r\ndata: b\rdata: c\n\r\n')).toEqual([{ event: 'message', data: 'a\nb\nc' }]);
  });

  it('takes a CR at the end of a chunk followed by a chunk not starting with LF as a line end', () => {
    const decoder = new SseDecoder();
    expect(decoder.push(encoder.encode('data: a\r'))).toEqual([]);
    expect(decoder.push(encoder.encode('\r'))).toEqual([{ event: 'message', data: 'a' }]);
    expect(decoder.push(encoder.encode('\ndata: b\n\n'))).toEqual([{ event: 'message', data: 'b' }]);
  });
});
