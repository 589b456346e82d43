/** How the resilience policy drives the circuit breaker: what counts, probes, names and hooks. */
import { describe, expect, it, vi } from 'vitest';
import { caught, virtualClock } from '../../test/helpers.js';
import { RequestError, ServerError, type OpenAIError } from '../errors/errors.js';
import { METRICS } from '../observability/hooks.js';
import type { CircuitBreakerHook } from './circuit-breaker.js';
import { createResiliencePolicy, type ResilienceSettings } from './resilience.js';
import type { AttemptOutcome, CallContext } from './resilience-policy.js';

function recordingLogger() {
  const lines: Array<{ level: string; message: string }> = [];
  const log = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), isEnabled: () => true, logBodies: false };
}

/** A policy whose breaker opens after one failed call, on a virtual clock. */
function setup(settings: Partial<ResilienceSettings> = {}) {
  const logger = recordingLogger();
  const clock = virtualClock();
  const policy = createResiliencePolicy({
    maxRetries: 0, retry: { jitter: 0 }, circuitBreaker: { failureThreshold: 1 }, rateLimit: undefined, hooks: {}, clock, logger, ...settings,
  });
  return { policy, logger, clock };
}

function call(overrides: Partial<CallContext> = {}): CallContext {
  return { spec: { method: 'POST', path: '/chat/completions' }, options: {}, endpoint: '/chat/completions', replayable: true, spanEvent: () => undefined, ...overrides };
}

const ok = async () => ({ value: {}, response: new Response(null) });
const outage = (details: Partial<ConstructorParameters<typeof ServerError>[0]> = {}) => new ServerError({ kind: 'internal_error', message: 'boom', status: 500, retryable: true, ...details });
const failWith = (error: unknown) => async () => {
  throw error;
};

/** Opens the circuit with one failed call, then lets the recovery timeout pass. */
async function openThenRecover(policy: ReturnType<typeof setup>['policy'], clock: ReturnType<typeof virtualClock>) {
  await caught(() => policy.run(call(), failWith(outage())));
  clock.advance(30_000);
}

describe('circuit names', () => {
  it('calls a client-wide circuit "this client" in its log line, its error and its hook', async () => {
    const onStateChange = vi.fn();
    const { policy, logger } = setup({ circuitBreaker: { failureThreshold: 1, perEndpoint: false }, hooks: { circuitBreaker: { onStateChange } } });
    await caught(() => policy.run(call(), failWith(outage())));
    const rejected = await caught(() => policy.run(call(), ok));
    expect(logger.lines).toContainEqual({ level: 'warn', message: 'Circuit breaker for this client: closed → open' });
    expect(rejected.kind).toBe('circuit_open');
    expect(rejected.message).toMatch(/^Circuit open for this client: /);
    expect(onStateChange).toHaveBeenCalledWith({ endpoint: '*', from: 'closed', to: 'open' });
  });

  it('names a per-endpoint circuit by method and endpoint, and reports its state as a gauge', async () => {
    const onStateChange = vi.fn();
    const setGauge = vi.fn();
    const metrics = { incrementCounter: vi.fn(), recordHistogram: vi.fn(), setGauge };
    const { policy, logger } = setup({ hooks: { circuitBreaker: { onStateChange }, metrics } });
    await caught(() => policy.run(call(), failWith(outage())));
    const rejected = await caught(() => policy.run(call(), ok));
    expect(logger.lines).toContainEqual({ level: 'warn', message: 'Circuit breaker for POST /chat/completions: closed → open' });
    expect(rejected.message).toMatch(/^Circuit open for POST \/chat\/completions: /);
    expect(onStateChange).toHaveBeenCalledWith({ endpoint: 'POST /chat/completions', from: 'closed', to: 'open' });
    expect(setGauge).toHaveBeenCalledWith(METRICS.circuitState, 2, { endpoint: 'POST /chat/completions' });
  });
});

describe('circuit hooks', () => {
  it('tells the rejected hook how long until a probe is allowed', async () => {
    const onRejected = vi.fn();
    const { policy, clock } = setup({ hooks: { circuitBreaker: { onRejected } } });
    await caught(() => policy.run(call(), failWith(outage())));
    clock.advance(10_000);
    await caught(() => policy.run(call(), ok));
    expect(onRejected).toHaveBeenCalledExactlyOnceWith({ endpoint: '/chat/completions', retryAfterMs: 20_000 });
  });

  it('tells the outcome hook of a success and the state it left', async () => {
    const onOutcome = vi.fn();
    const { policy } = setup({ hooks: { circuitBreaker: { onOutcome } } });
    await policy.run(call(), ok);
    expect(onOutcome).toHaveBeenCalledExactlyOnceWith({ endpoint: '/chat/completions', outcome: 'success', state: 'closed' });
  });

  it('logs a breaker hook that throws under its own name and carries on', async () => {
    const hook: CircuitBreakerHook = { onOutcome: () => { throw new Error('hook bug'); } };
    const { policy, logger } = setup({ hooks: { circuitBreaker: hook } });
    const outcome = await policy.run(call(), ok);
    expect(outcome.value).toEqual({});
    expect(logger.lines).toEqual([{ level: 'warn', message: 'A circuit breaker hook threw; ignoring it.' }]);
  });
});

describe('partial and failing breaker hooks', () => {
  /** Opens the circuit, gets one call rejected, and returns the log lines about hooks. */
  async function openAndReject(hooks: ResilienceSettings['hooks']) {
    const { policy, logger } = setup({ hooks });
    await caught(() => policy.run(call(), failWith(outage())));
    expect((await caught(() => policy.run(call(), ok))).kind).toBe('circuit_open');
    return logger.lines.filter((line) => line.message.includes('hook'));
  }

  it('needs no breaker hook, and only the methods the given one defines', async () => {
    expect(await openAndReject({})).toEqual([]);
    expect(await openAndReject({ circuitBreaker: {} })).toEqual([]);
  });

  it('logs a throwing state-change or rejected hook under the breaker name', async () => {
    const boom = () => {
      throw new Error('hook bug');
    };
    expect(await openAndReject({ circuitBreaker: { onStateChange: boom } })).toEqual([{ level: 'warn', message: 'A circuit breaker hook threw; ignoring it.' }]);
    expect(await openAndReject({ circuitBreaker: { onRejected: boom } })).toEqual([{ level: 'warn', message: 'A circuit breaker hook threw; ignoring it.' }]);
  });

  it('logs a throwing metrics hook under the metrics name', async () => {
    const metrics = { incrementCounter: vi.fn(), recordHistogram: vi.fn(), setGauge: () => { throw new Error('hook bug'); } };
    expect(await openAndReject({ metrics })).toEqual([{ level: 'warn', message: 'A metrics hook threw; ignoring it.' }]);
  });
});

describe('what counts against the circuit', () => {
  it('counts an outage the server marked not retryable', async () => {
    const { policy } = setup({ maxRetries: 3 });
    await caught(() => policy.run(call(), failWith(outage({ retryable: false }))));
    expect((await caught(() => policy.run(call(), ok))).kind).toBe('circuit_open');
  });

  it('counts an outage whose retry the retry hook aborted', async () => {
    const { policy } = setup({ maxRetries: 3, hooks: { retry: { onRetry: () => ({ action: 'abort' }) } } });
    await caught(() => policy.run(call(), failWith(outage())));
    expect((await caught(() => policy.run(call(), ok))).kind).toBe('circuit_open');
  });

  it('counts an outage whose server wait is longer than maxRetryAfter', async () => {
    const { policy } = setup({ maxRetries: 3 });
    const error = await caught(() => policy.run(call(), failWith(outage({ kind: 'service_unavailable', status: 503, retryAfterMs: 120_000 }))));
    expect(error.retryAfterMs).toBe(120_000);
    expect((await caught(() => policy.run(call(), ok))).kind).toBe('circuit_open');
  });
});

describe('the half-open probe', () => {
  it('leaves the circuit half-open when the probe fails with a client error', async () => {
    const { policy, clock } = setup();
    await openThenRecover(policy, clock);
    await caught(() => policy.run(call(), failWith(new RequestError({ kind: 'bad_request', message: 'bad', status: 400 }))));
    expect((await policy.run(call(), ok)).value).toEqual({});
  });

  it('reopens the circuit for the full recovery time when the probe hits an outage', async () => {
    const onStateChange = vi.fn();
    const onOutcome = vi.fn();
    const { policy, clock } = setup({ hooks: { circuitBreaker: { onStateChange, onOutcome } } });
    await openThenRecover(policy, clock);
    await caught(() => policy.run(call(), failWith(outage())));
    const rejected = await caught<OpenAIError>(() => policy.run(call(), ok));
    expect(rejected).toMatchObject({ kind: 'circuit_open', retryAfterMs: 30_000 });
    expect(onStateChange.mock.calls.map(([event]) => `${event.from}>${event.to}`)).toEqual(['closed>open', 'open>half_open', 'half_open>open']);
    expect(onOutcome).toHaveBeenLastCalledWith({ endpoint: '/chat/completions', outcome: 'failure', state: 'open' });
  });

  it('frees the probe slot when the probe throws an untyped error', async () => {
    const { policy, clock } = setup();
    await openThenRecover(policy, clock);
    const bug = new TypeError('bug in a parser');
    expect(await caught(() => policy.run(call(), failWith(bug)))).toBe(bug);
    expect((await policy.run(call(), ok)).value).toEqual({});
  });

  it('frees the probe slot when the rate limiter refuses the probe', async () => {
    const { policy, clock } = setup({ rateLimit: { tokensPerMinute: 10 } });
    await openThenRecover(policy, clock);
    const refused = await caught(() => policy.run(call({ options: { rateLimit: { estimatedTokens: 100 } } }), ok));
    expect(refused.kind).toBe('request_too_large');
    expect((await policy.run(call({ options: { rateLimit: { estimatedTokens: 1 } } }), ok)).value).toEqual({});
  });

  it('passes a rate-limit refusal through untouched when there is no breaker', async () => {
    const { policy } = setup({ circuitBreaker: false, rateLimit: { tokensPerMinute: 10 } });
    const refused = await caught(() => policy.run(call({ options: { rateLimit: { estimatedTokens: 100 } } }), ok));
    expect(refused).toMatchObject({ category: 'rate_limit', kind: 'request_too_large' });
  });

  it('makes a retrying call fail fast while another call holds the probe, instead of probing beside it', async () => {
    // Sleeps that end only when the test says so.
    const wakeups: Array<() => void> = [];
    const clock = virtualClock();
    const manualClock = { now: clock.now, sleep: () => new Promise<void>((resolve) => wakeups.push(resolve)) };
    const { policy } = setup({ clock: manualClock, maxRetries: 2 });
    await caught(() => policy.run(call({ options: { maxRetries: 0 } }), failWith(outage())));
    clock.advance(30_000);
    let attemptsOfFirst = 0;
    const first = caught(() => policy.run(call(), async () => {
      attemptsOfFirst++;
      throw new RequestError({ kind: 'too_many_requests', message: 'slow down', status: 429, retryable: true });
    }));
    await vi.waitFor(() => expect(wakeups).toHaveLength(1));
    let releaseSecond!: () => void;
    const second = policy.run(call(), () => new Promise<AttemptOutcome<string>>((resolve) => (releaseSecond = () => resolve({ value: 'second', response: new Response(null) }))));
    await vi.waitFor(() => expect(releaseSecond).toBeDefined());
    wakeups[0]!();
    expect(await first).toMatchObject({ kind: 'circuit_open', retryAfterMs: 0 });
    expect(attemptsOfFirst).toBe(1);
    releaseSecond();
    expect((await second).value).toBe('second');
  });
});
