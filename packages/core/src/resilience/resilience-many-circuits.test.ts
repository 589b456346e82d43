/**
 * A client whose caller puts ids in paths makes a circuit per path: past MAX_CIRCUITS the idle
 * ones are forgotten, and nothing a circuit holds (open, or failures on the way to opening) is.
 */
import { describe, expect, it } from 'vitest';
import { caught, recordingLogger, virtualClock } from '../../test/helpers.js';
import { ServerError } from '../errors/errors.js';
import { createResiliencePolicy, MAX_CIRCUITS } from './resilience.js';
import type { CallContext } from './resilience-policy.js';

function setup() {
  const clock = virtualClock();
  const policy = createResiliencePolicy({ maxRetries: 0, retry: { jitter: 0 }, circuitBreaker: { failureThreshold: 3 }, rateLimit: undefined, hooks: {}, clock, logger: recordingLogger() });
  return { policy, clock };
}

const at = (path: string): CallContext => ({ spec: { method: 'GET', path }, options: {}, endpoint: path, replayable: true, spanEvent: () => undefined });
const ok = async () => ({ value: {}, response: new Response(null) });
const outage = async () => {
  throw new ServerError({ kind: 'internal_error', message: 'boom', status: 500, retryable: true });
};

describe('many circuits', () => {
  it('keeps an open circuit and one part-way to opening through thousands of other paths', async () => {
    const { policy } = setup();
    for (let index = 0; index < 3; index++) await caught(() => policy.run(at('/open'), outage));
    for (let index = 0; index < 2; index++) await caught(() => policy.run(at('/failing'), outage));
    for (let index = 0; index < MAX_CIRCUITS * 3; index++) await policy.run(at(`/things/${index}`), ok);
    expect(await caught(() => policy.run(at('/open'), ok))).toMatchObject({ kind: 'circuit_open' });
    // Two failures were kept: the third opens it.
    await caught(() => policy.run(at('/failing'), outage));
    expect(await caught(() => policy.run(at('/failing'), ok))).toMatchObject({ kind: 'circuit_open' });
  });

  it('never forgets a circuit whose calls are still in flight: their failures open it', async () => {
    const { policy } = setup();
    let fail!: () => void;
    const held = new Promise<void>((resolve) => (fail = resolve));
    const slowOutage = async () => {
      await held;
      return outage();
    };
    const inFlight = Array.from({ length: 3 }, () => caught(() => policy.run(at('/flaky'), slowOutage)));
    for (let index = 0; index < MAX_CIRCUITS * 2; index++) await policy.run(at(`/things/${index}`), ok);
    fail();
    await Promise.all(inFlight);
    expect(await caught(() => policy.run(at('/flaky'), ok))).toMatchObject({ kind: 'circuit_open' });
  });
});
