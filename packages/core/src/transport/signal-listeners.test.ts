/**
 * One long-lived caller signal passed to many calls keeps no listener per call: each attempt
 * links to it and unlinks when it ends (for streams, when the stream ends).
 */
import { reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it, vi } from 'vitest';
import { mockCore } from '../../test/helpers.js';

const api = useMockApi();

/**
 * Node's `AbortSignal.any` keeps each combined signal in a set on its sources instead of a
 * listener; read that set too, where this Node has it, so the test sees what grows either way.
 */
function dependants(signal: AbortSignal): number {
  const key = Object.getOwnPropertySymbols(signal).find((symbol) => symbol.description === 'kDependantSignals');
  const set = key ? (signal as unknown as Record<symbol, Set<unknown> | undefined>)[key] : undefined;
  return set?.size ?? 0;
}

function countListeners(signal: AbortSignal) {
  const added = vi.spyOn(signal, 'addEventListener');
  const removed = vi.spyOn(signal, 'removeEventListener');
  return () => added.mock.calls.length - removed.mock.calls.length;
}

describe('a long-lived caller signal', () => {
  it('holds no listener after 500 finished calls', async () => {
    api.on('GET', '/models', reply.json({ object: 'list', data: [] }));
    const shutdown = new AbortController();
    const live = countListeners(shutdown.signal);
    const core = mockCore();
    for (let call = 0; call < 500; call++) await core.get('/models', {}, { signal: shutdown.signal });
    expect(live()).toBe(0);
    expect(dependants(shutdown.signal)).toBe(0);
  });

  it('holds no listener after finished and abandoned streams', async () => {
    api.on('POST', '/chat/completions', reply.sse([{ n: 0 }, { n: 1 }]));
    const shutdown = new AbortController();
    const live = countListeners(shutdown.signal);
    const core = mockCore();
    for (let call = 0; call < 50; call++) {
      for await (const _chunk of core.stream('/chat/completions', { body: {} }, { signal: shutdown.signal })) if (call % 2 === 0) break;
    }
    expect(live()).toBe(0);
    expect(dependants(shutdown.signal)).toBe(0);
  });
});

describe('streams that fail before anyone reads them', () => {
  it('unlink from the caller signal when they fail to start (a 400) or fail validation', async () => {
    api.on('POST', '/chat/completions', reply.error(400, { message: 'bad request' }));
    const shutdown = new AbortController();
    const live = countListeners(shutdown.signal);
    const core = mockCore();
    for (let call = 0; call < 10; call++) {
      const stream = core.stream('/chat/completions', { body: {} }, { signal: shutdown.signal });
      await stream.responseMeta.catch(() => undefined);
    }
    const strict = { safeParse: () => ({ success: false as const, error: { issues: [{ code: 'custom', path: ['model'], message: 'required' }] } }) };
    for (let call = 0; call < 5; call++) {
      await core.stream('/chat/completions', { body: {}, schema: strict }, { signal: shutdown.signal }).responseMeta.catch(() => undefined);
    }
    expect(live()).toBe(0);
  });
});
