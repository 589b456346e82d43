import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkSignals } from './abort.js';

describe('linkSignals', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('works where AbortSignal.any does not exist (edge runtime, older Safari)', () => {
    vi.stubGlobal('AbortSignal', Object.assign(function AbortSignal() {}, { prototype: AbortSignal.prototype }));
    const caller = new AbortController();
    const timeout = new AbortController();
    const linked = linkSignals([caller.signal, timeout.signal]);
    timeout.abort(new Error('time'));
    expect(linked.signal.aborted).toBe(true);
    expect((linked.signal.reason as Error).message).toBe('time');
  });

  it('follows whichever source aborts first, with its reason', () => {
    const caller = new AbortController();
    const other = new AbortController();
    const linked = linkSignals([caller.signal, other.signal]);
    caller.abort('stop');
    expect(linked.signal.reason).toBe('stop');
  });

  it('starts aborted when a source already is', () => {
    const done = new AbortController();
    done.abort('early');
    expect(linkSignals([new AbortController().signal, done.signal]).signal.reason).toBe('early');
  });

  it('leaves no listener on a long-lived caller signal once disposed', () => {
    const caller = new AbortController();
    const added = vi.spyOn(caller.signal, 'addEventListener');
    const removed = vi.spyOn(caller.signal, 'removeEventListener');
    for (let call = 0; call < 1_000; call++) linkSignals([caller.signal, new AbortController().signal]).dispose();
    expect(added).toHaveBeenCalledTimes(1_000);
    expect(removed).toHaveBeenCalledTimes(1_000);
    const linked = linkSignals([caller.signal, new AbortController().signal]);
    linked.dispose();
    caller.abort();
    expect(linked.signal.aborted).toBe(false);
  });
});
