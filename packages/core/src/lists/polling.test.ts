import { reply, useMockApi } from '@integrations/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caught, mockCore } from '../../test/helpers.js';
import { NetworkError, poll, RequestError } from '../index.js';

const api = useMockApi();
afterEach(() => vi.useRealTimers());

interface Batch {
  status: string;
}

describe('polling', () => {
  it('polls until the state is final', async () => {
    vi.useFakeTimers();
    const states = ['validating', 'in_progress', 'completed'];
    let calls = 0;
    const pending = poll(async () => ({ status: states[calls++]! }), { isDone: (batch: Batch) => batch.status === 'completed', intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(pending).resolves.toEqual({ status: 'completed' });
    expect(calls).toBe(3);
  });

  it('waits as long as openai-poll-after-ms asks instead of the default interval', async () => {
    api.on('GET', '/batches/b1', reply.json({ status: 'in_progress' }, { headers: { 'openai-poll-after-ms': '5000' } }), reply.json({ status: 'completed' }));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const core = mockCore();
    const pending = poll(() => core.get<Batch>('/batches/b1'), { isDone: (batch) => batch.status === 'completed', intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(api.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_500);
    await expect(pending).resolves.toEqual({ status: 'completed' });
    expect(api.calls).toHaveLength(2);
  });

  it('gives up at the deadline with a typed poll timeout', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const pending = caught<NetworkError>(() => poll(async () => { calls++; return { status: 'in_progress' }; }, { isDone: (batch: Batch) => batch.status === 'completed', intervalMs: 1_000, timeoutMs: 3_500 }));
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await pending;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'poll' });
    expect(calls).toBe(4);
  });

  it('ends at once with kind aborted when the signal aborts during a wait', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    let calls = 0;
    const pending = caught<RequestError>(() => poll(async () => { calls++; return { status: 'in_progress' }; }, { isDone: () => false, intervalMs: 60_000, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('aborted');
    expect(calls).toBe(1);
  });

  it('passes the signal to each fetch so an in-flight request is aborted too', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    await poll(async (signal) => { seen = signal; return { status: 'completed' }; }, { isDone: () => true, signal: controller.signal });
    expect(seen?.aborted).toBe(false);
    const inFlight = caught<RequestError>(() => poll((signal) => new Promise((_resolve, reject) => signal!.addEventListener('abort', () => reject(signal!.reason))), { isDone: () => true, signal: controller.signal }));
    controller.abort(new RequestError({ kind: 'aborted', message: 'stop' }));
    expect((await inFlight).kind).toBe('aborted');
  });

  it('ends a fetch still in flight at the deadline, with a typed poll timeout', async () => {
    api.on('GET', '/batches/b1', reply.stall());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const core = mockCore();
    const pending = caught<NetworkError>(() => poll((signal) => core.get<Batch>('/batches/b1', {}, { signal }), { isDone: () => true, timeoutMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await pending;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'poll' });
  });
});

describe('polling numbers', () => {
  it.each([
    [{ timeoutMs: Number.POSITIVE_INFINITY }],
    [{ timeoutMs: 30 * 86_400_000 }],
    [{ intervalMs: Number.NaN }],
    [{ intervalMs: -1 }],
  ])('rejects %j as a validation error before the first fetch', async (options) => {
    let fetches = 0;
    const error = await caught<RequestError>(() => poll(async () => { fetches++; return { status: 'x' }; }, { isDone: () => false, ...options }));
    expect(error).toMatchObject({ kind: 'validation' });
    expect(fetches).toBe(0);
  });

  it('waits at most what a timer holds when the server hints more (no tight loop)', async () => {
    api.on('GET', '/batches/b1', reply.json({ status: 'in_progress' }, { headers: { 'openai-poll-after-ms': '3000000000' } }));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const core = mockCore();
    const pending = caught(() => poll(() => core.get<Batch>('/batches/b1'), { isDone: () => false, timeoutMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await pending).toMatchObject({ timeoutKind: 'poll' });
    expect(api.calls).toHaveLength(1);
  });
});
