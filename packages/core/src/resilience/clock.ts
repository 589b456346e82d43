/** Time for the resilience policies; injectable so tests can assert waits without sleeping. */
import { sleep } from '../transport/abort.js';

/** Reads the time and waits (abortably). */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `Date.now()` and `setTimeout`. */
export const systemClock: Clock = { now: () => Date.now(), sleep };
