import { describe, expect, it } from 'vitest';
import { collect } from '../../test/helpers.js';
import { ApiKey } from '../config/api-key.js';
import { createResponseMeta, getResponseMeta } from '../transport/response-meta.js';
import { FinalResultStream } from './final-result-stream.js';
import { SseStream } from './sse-stream.js';

interface Item {
  n: number;
}

/** An SSE source answering `events` then `[DONE]` (or not), with a request id. */
function source(events: Item[], done = true): SseStream<Item> {
  const body = events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');
  const response = new Response(body, { headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_final' } });
  return new SseStream<Item>({ apiKey: new ApiKey('sk-final'), start: async () => ({ response, meta: createResponseMeta(response, 1, 0) }), terminal: done ? 'done' : 'eof' });
}

/** Sums the items; the result is `{ total }`, or a throw when `needs` is not seen. */
class SumStream extends FinalResultStream<Item, { total: number }> {
  constructor(from: SseStream<Item>, options: { needs?: number; refuse?: number } = {}) {
    let total = 0;
    let seen = false;
    super(from, {
      take: (item) => {
        if (item.n === options.refuse) throw new Error(`refused ${item.n}`);
        if (item.n === options.needs) seen = true;
        total += item.n;
        return { n: item.n * 10 };
      },
      finish: (meta) => {
        if (options.needs !== undefined && !seen) throw new Error(`no ${options.needs} in ${meta?.requestId}`);
        return { total };
      },
      whenStopped: 'there is no sum',
    });
  }

  sum() {
    return this.result();
  }
}

describe('FinalResultStream', () => {
  it('yields what take() returns and settles the result, with the response metadata', async () => {
    const stream = new SumStream(source([{ n: 1 }, { n: 2 }]));
    expect(await collect(stream)).toEqual([{ n: 10 }, { n: 20 }]);
    const sum = await stream.sum();
    expect(sum).toEqual({ total: 3 });
    expect(getResponseMeta(sum)?.requestId).toBe('req_final');
  });

  it('reads the stream itself when the result is asked for first', async () => {
    expect(await new SumStream(source([{ n: 4 }, { n: 5 }])).sum()).toEqual({ total: 9 });
  });

  it('throws from the loop and rejects the result when finish() finds no result', async () => {
    const stream = new SumStream(source([{ n: 1 }], false), { needs: 7 });
    await expect(collect(stream)).rejects.toThrow('no 7 in req_final');
    await expect(stream.sum()).rejects.toThrow('no 7 in req_final');
  });

  it('ends the stream and rejects the result when take() throws, freeing the request', async () => {
    const from = source([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const stream = new SumStream(from, { refuse: 2 });
    await expect(collect(stream)).rejects.toThrow('refused 2');
    await expect(stream.sum()).rejects.toThrow('refused 2');
    expect(from.signal.aborted).toBe(true);
  });

  it('rejects the result with a typed abort when the caller breaks out early', async () => {
    const stream = new SumStream(source([{ n: 1 }, { n: 2 }]));
    for await (const _item of stream) break;
    await expect(stream.sum()).rejects.toMatchObject({ kind: 'aborted', message: expect.stringContaining('there is no sum') });
  });

  it('yields the events before an error event that came in the same read, then throws it typed and rejects the result', async () => {
    const body = 'data: {"n":1}\n\ndata: {"n":2}\n\nevent: error\ndata: {"message":"overloaded","type":"server_error","code":"overloaded"}\n\ndata: {"n":3}\n\n';
    const response = new Response(body, { headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_mid' } });
    const from = new SseStream<Item>({ apiKey: new ApiKey('sk-final'), start: async () => ({ response, meta: createResponseMeta(response, 1, 0) }) });
    const stream = new SumStream(from);
    const seen: Item[] = [];
    const failure = await (async () => {
      for await (const item of stream) seen.push(item);
    })().catch((error: unknown) => error);
    expect(seen).toEqual([{ n: 10 }, { n: 20 }]);
    expect(failure).toMatchObject({ type: 'server_error', code: 'overloaded', requestId: 'req_mid' });
    await expect(stream.sum()).rejects.toBe(failure);
    expect(from.signal.aborted).toBe(true);
  });

  it('reads a source whose iterator has only next() and return() (another copy of core), item by item', async () => {
    const items: Item[] = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const foreign = {
      responseMeta: Promise.resolve(createResponseMeta(new Response(null), 1, 0)),
      meta: undefined,
      abort: () => undefined,
      [Symbol.asyncIterator]: () => ({
        next: async () => (items.length > 0 ? { value: items.shift()!, done: false as const } : { value: undefined, done: true as const }),
        return: async () => ({ value: undefined, done: true as const }),
      }),
    } as unknown as SseStream<Item>;
    const stream = new SumStream(foreign);
    expect(await collect(stream)).toEqual([{ n: 10 }, { n: 20 }, { n: 30 }]);
    expect(await stream.sum()).toEqual({ total: 6 });
  });

  it('stops handing out decoded events once aborted: the next read throws a typed abort, the result rejects', async () => {
    const stream = new SumStream(source([{ n: 1 }, { n: 2 }, { n: 3 }]));
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: { n: 10 }, done: false });
    stream.abort();
    await expect(iterator.next()).rejects.toMatchObject({ kind: 'aborted' });
    await expect(stream.sum()).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('leaves an iterator taken but not read to the idle limit, which releases the request', async () => {
    let cancelled!: () => void;
    const released = new Promise<void>((resolve) => (cancelled = resolve));
    const body = new ReadableStream<Uint8Array>({ cancel: () => cancelled() });
    const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const from = new SseStream<Item>({ apiKey: new ApiKey('sk-final'), start: async () => ({ response, meta: createResponseMeta(response, 1, 0) }), idleTimeoutMs: 50 });
    const stream = new SumStream(from);
    const iterator = stream[Symbol.asyncIterator]();
    await released;
    await expect(iterator.next()).rejects.toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
  });
});

describe('SseStream.abort', () => {
  it('ends a pending read at once with a typed abort, even when the body ignores the signal', async () => {
    const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode('data: {"n":1}\n\n')) });
    const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const stream = new SseStream<Item>({ apiKey: new ApiKey('sk-final'), start: async () => ({ response, meta: createResponseMeta(response, 1, 0) }) });
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: { n: 1 }, done: false });
    const pending = iterator.next();
    stream.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });
});
