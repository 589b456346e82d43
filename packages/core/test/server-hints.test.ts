/**
 * A server's wait hint is honoured exactly when it is within `retry.maxRetryAfter`, and is not
 * slept at all beyond it: the call fails at once with the full figure, so the caller can
 * reschedule (real server on 127.0.0.1, virtual clock for the waits).
 */
import { apiError, startMockServer, type MockServer } from '@integrations/openai-testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICore, RateLimitError, type ClientOptions, type RetryHook } from '../src/index.js';
import { caught, TEST_API_KEY, virtualClock } from './helpers.js';

let server: MockServer | undefined;
afterEach(async () => server?.close());

async function setup(headers: Record<string, string>, options: ClientOptions = {}) {
  server = await startMockServer();
  server.faults.next({ status: 429, body: apiError('slow down', 'requests', 'rate_limit_exceeded'), headers });
  const clock = virtualClock();
  const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server.baseUrl, logLevel: 'off', retry: { jitter: 0 }, ...options }, { clock });
  const post = () => core.post<{ id: string }>('/chat/completions', { body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] } });
  return { post, clock, server };
}

describe('server wait hints and retry.maxRetryAfter', () => {
  it('fails at once on retry-after: 3600 with the full figure, without sleeping or retrying', async () => {
    const { post, clock, server } = await setup({ 'retry-after': '3600' });
    const error = await caught<RateLimitError>(post);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3_600_000, attempts: 1 });
    expect(clock.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('reports a long x-ratelimit-reset-tokens hint as retryAfterMs', async () => {
    const { post, clock } = await setup({ 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '6m0s' });
    expect(await caught(post)).toMatchObject({ retryAfterMs: 360_000, attempts: 1 });
    expect(clock.sleeps).toEqual([]);
  });

  it('honours a hint exactly at the limit', async () => {
    const { post, clock, server } = await setup({ 'retry-after': '60' });
    await post();
    expect(clock.sleeps).toEqual([60_000]);
    expect(server.requests).toHaveLength(2);
  });

  it('follows a raised maxRetryAfter', async () => {
    const { post, clock } = await setup({ 'retry-after': '120' }, { retry: { maxRetryAfter: 180_000 } });
    await post();
    expect(clock.sleeps).toEqual([120_000]);
  });

  it('lets the retry hook decide to retry anyway', async () => {
    const hook: RetryHook = { onRetry: ({ delayMs }) => ({ action: 'retry', delayMs: delayMs / 100 }) };
    const { post, clock, server } = await setup({ 'retry-after': '3600' }, { hooks: { retry: hook } });
    await post();
    expect(clock.sleeps).toEqual([36_000]);
    expect(server.requests).toHaveLength(2);
  });
});
