/** Helpers for the files integration tests: a scratch directory and client options for a loopback server. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientOptions } from '@integrations/openai-core';

export { caught } from '@integrations/test-kit';

/** Client options for a loopback base URL: a test key, quiet logs, fast retries. */
export function clientOptions(baseUrl: string, extra: ClientOptions = {}): ClientOptions {
  return { apiKey: 'sk-test', baseUrl, logLevel: 'off', maxRetries: 0, retry: { initialBackoffMs: 1 }, ...extra };
}

/** A fresh directory; `entries()` lists what is in it (to see that nothing was left behind). */
export async function scratchDirectory() {
  const path = await mkdtemp(join(tmpdir(), 'files-it-'));
  return { path, entries: () => readdir(path), remove: () => rm(path, { recursive: true, force: true }) };
}

/** A promise and its resolver, to let a server tell the test it reached a point. */
export function signalled<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}
