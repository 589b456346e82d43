import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChunkReader } from './chunk-reader.js';
import { DRAIN_LIMIT_BYTES, DRAIN_LIMIT_MS, drainAfterDone } from './drain-after-done.js';

/** A reader answering `chunks` (a number is that many bytes), then waiting forever when `endless`. */
function fakeReader(chunks: number[], endless = false) {
  const log = { reads: 0, cancelled: false };
  const pending: Array<(result: ReadableStreamReadResult<Uint8Array>) => void> = [];
  const reader: ChunkReader = {
    read: () => {
      log.reads++;
      const size = chunks.shift();
      if (size !== undefined) return Promise.resolve({ done: false, value: new Uint8Array(size) });
      if (!endless || log.cancelled) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve) => pending.push(resolve));
    },
    cancel: () => {
      log.cancelled = true;
      for (const resolve of pending.splice(0)) resolve({ done: true, value: undefined });
      return Promise.resolve();
    },
  };
  return { reader, log };
}

afterEach(() => vi.useRealTimers());

describe('drainAfterDone', () => {
  it('reads what is left of the body to its end, without cancelling it', async () => {
    const { reader, log } = fakeReader([5, 0]);
    await drainAfterDone(reader);
    expect(log.reads).toBe(3);
    expect(log.cancelled).toBe(false);
  });

  it(`cancels a body that goes on past ${DRAIN_LIMIT_BYTES} bytes after [DONE]`, async () => {
    const { reader, log } = fakeReader([DRAIN_LIMIT_BYTES, 1, 1, 1], true);
    await drainAfterDone(reader);
    expect(log.cancelled).toBe(true);
    expect(log.reads).toBe(2);
  });

  it(`cancels a body that does not end within ${DRAIN_LIMIT_MS} ms of [DONE]`, async () => {
    vi.useFakeTimers();
    const { reader, log } = fakeReader([3], true);
    let drained = false;
    void drainAfterDone(reader).then(() => (drained = true));
    await vi.advanceTimersByTimeAsync(DRAIN_LIMIT_MS - 1);
    expect(log.cancelled).toBe(false);
    expect(drained).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(log.cancelled).toBe(true);
    expect(drained).toBe(true);
  });

  it('resolves, never rejects, when the body fails while it is drained', async () => {
    const reader: ChunkReader = { read: () => Promise.reject(new Error('reset')), cancel: () => Promise.resolve() };
    await expect(drainAfterDone(reader)).resolves.toBeUndefined();
  });
});
