import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { abortError, anySignal, linkSignals, sleep } from './abort.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('abortable waits', () => {
  it('rejects at once when the signal was already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const settled = await Promise.race([sleep(60_000, controller.signal).then(() => 'slept', () => 'aborted'), Promise.resolve().then(() => 'pending')]);
    expect(settled).toBe('aborted');
  });

  it('treats an infinite wait as the longest a timer can hold, not as no wait', async () => {
    vi.useFakeTimers();
    let done = false;
    void sleep(Number.POSITIVE_INFINITY).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(done).toBe(false);
  });

  it('waits nothing for NaN', async () => {
    vi.useFakeTimers();
    let done = false;
    void sleep(Number.NaN).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('builds the caller-abort error without a signal', () => {
    expect(abortError(undefined).message).toBe('Request was aborted by the caller.');
  });

  it('follows whichever of several signals aborts', () => {
    const first = new AbortController();
    const second = new AbortController();
    const combined = anySignal([first.signal, undefined, second.signal]);
    second.abort('stop');
    expect(combined.aborted).toBe(true);
    expect(combined.reason).toBe('stop');
  });
});

describe('nothing left behind', () => {
  it('leaves no timer running when a wait is aborted, so the process can exit', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal).catch(() => 'aborted');
    controller.abort();
    expect(await waiting).toBe('aborted');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no listener on a long-lived signal after a wait ends', async () => {
    vi.useFakeTimers();
    const longLived = new AbortController().signal;
    const waiting = sleep(100, longLived);
    await vi.advanceTimersByTimeAsync(100);
    await waiting;
    expect(getEventListeners(longLived, 'abort')).toHaveLength(0);
  });

  it('unlinks from a long-lived signal when another source aborts first', () => {
    const longLived = new AbortController().signal;
    const timeout = new AbortController();
    const linked = linkSignals([longLived, timeout.signal]);
    timeout.abort();
    expect(linked.signal.aborted).toBe(true);
    expect(getEventListeners(longLived, 'abort')).toHaveLength(0);
  });
});
