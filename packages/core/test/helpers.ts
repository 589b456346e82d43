/** Small helpers for core's own tests. */
import { MOCK_BASE_URL } from '@integrations/test-kit';
import { createOpenAICore, RequestError, type ClientOptions, type CoreInternals, type OpenAIError } from '../src/index.js';

/** A key that is easy to search for in any output. */
export const TEST_API_KEY = 'sk-test-SECRET-4f9a2c7e1b';

/**
 * A core pointed at the msw mock API. Single attempt and no breaker unless asked for, so each
 * test sees exactly the behaviour it is about; resilience tests opt in.
 */
export function mockCore(options: ClientOptions = {}, internals: CoreInternals = {}) {
  return createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: MOCK_BASE_URL, logLevel: 'off', maxRetries: 0, circuitBreaker: false, ...options }, internals);
}

/** Runs `run` and returns what it threw (fails if nothing was thrown). */
export async function caught<T = OpenAIError>(run: () => unknown): Promise<T> {
  try {
    await run();
  } catch (error) {
    return error as T;
  }
  throw new Error('expected the call to throw, but it returned');
}

/** Every item of an async iterable (a stream read to its end), in order. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/**
 * A clock whose waits return at once and move virtual time forward, recording each wait, so
 * tests can assert backoff delays without sleeping. An aborted signal still aborts the wait.
 */
export function virtualClock(start = 1_700_000_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    async sleep(ms: number, signal?: AbortSignal) {
      if (signal?.aborted) throw new RequestError({ kind: 'aborted', message: 'aborted' });
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** A client logger (every level enabled) that keeps each line with its level and data. */
export function recordingLogger() {
  const lines: Array<{ level: string; message: string; data?: Record<string, unknown> }> = [];
  const log = (level: string) => (message: string, data?: Record<string, unknown>) => void lines.push(data === undefined ? { level, message } : { level, message, data });
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), isEnabled: () => true, logBodies: false };
}
