import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../test/helpers.js';
import { CircuitBreaker, countsAsOutage, type CircuitState } from './circuit-breaker.js';
import { NetworkError, RateLimitError, RequestError, ServerError } from '../errors/errors.js';

function breaker(options = {}) {
  const clock = virtualClock();
  const changes: string[] = [];
  const circuit = new CircuitBreaker('/chat/completions', options, clock, (from: CircuitState, to: CircuitState) => changes.push(`${from}->${to}`));
  return { circuit, clock, changes };
}

describe('circuit breaker', () => {
  it('opens after 5 failures within 60 s and then refuses without a request', () => {
    const { circuit, changes } = breaker();
    for (let index = 0; index < 4; index++) circuit.recordFailure();
    expect(circuit.admit()).toEqual({ isProbe: false });
    circuit.recordFailure();
    expect(circuit.state).toBe('open');
    expect(changes).toEqual(['closed->open']);
    let refused: unknown;
    try { circuit.admit(); } catch (error) { refused = error; }
    expect(refused).toBeInstanceOf(ServerError);
    expect(refused).toMatchObject({ kind: 'circuit_open', retryable: false, retryAfterMs: 30_000 });
  });

  it('forgets failures older than the window', () => {
    const { circuit, clock } = breaker();
    for (let index = 0; index < 4; index++) circuit.recordFailure();
    clock.advance(61_000);
    circuit.recordFailure();
    expect(circuit.state).toBe('closed');
  });

  it('lets one probe through after the recovery timeout, and closes after 3 successes', () => {
    const { circuit, clock, changes } = breaker();
    for (let index = 0; index < 5; index++) circuit.recordFailure();
    clock.advance(30_000);
    expect(circuit.admit()).toEqual({ isProbe: true });
    expect(() => circuit.admit()).toThrow(/probe request is in flight/);
    circuit.recordSuccess(true);
    circuit.admit();
    circuit.recordSuccess(true);
    circuit.admit();
    circuit.recordSuccess(true);
    expect(circuit.state).toBe('closed');
    expect(changes).toEqual(['closed->open', 'open->half_open', 'half_open->closed']);
  });

  it('reopens when a probe fails', () => {
    const { circuit, clock } = breaker();
    for (let index = 0; index < 5; index++) circuit.recordFailure();
    clock.advance(30_000);
    circuit.admit();
    circuit.recordFailure(true);
    expect(circuit.state).toBe('open');
    expect(() => circuit.admit()).toThrow(ServerError);
  });

  it('counts only the probe in half-open: calls admitted before the circuit opened give no verdict', () => {
    const { circuit, clock } = breaker({ successThreshold: 1 });
    for (let index = 0; index < 5; index++) circuit.recordFailure();
    clock.advance(30_000);
    expect(circuit.admit()).toEqual({ isProbe: true });
    circuit.recordSuccess(false);
    circuit.recordFailure(false);
    expect(circuit.state).toBe('half_open');
    expect(() => circuit.admit()).toThrow(/probe request is in flight/);
  });

  it('frees the probe slot when a probe ends without a verdict', () => {
    const { circuit, clock } = breaker();
    for (let index = 0; index < 5; index++) circuit.recordFailure();
    clock.advance(30_000);
    circuit.admit();
    circuit.releaseProbe();
    expect(circuit.admit()).toEqual({ isProbe: true });
  });

  it('honours custom thresholds', () => {
    const { circuit } = breaker({ failureThreshold: 2 });
    circuit.recordFailure();
    circuit.recordFailure();
    expect(circuit.state).toBe('open');
  });

  it('counts server errors, timeouts and connection failures, never 4xx, 429 or aborts', () => {
    expect(countsAsOutage(new ServerError({ kind: 'service_unavailable', message: '' }))).toBe(true);
    expect(countsAsOutage(new NetworkError({ kind: 'timeout', message: '' }))).toBe(true);
    expect(countsAsOutage(new NetworkError({ kind: 'connection_failed', message: '' }))).toBe(true);
    expect(countsAsOutage(new NetworkError({ kind: 'stream_interrupted', message: '' }))).toBe(false);
    expect(countsAsOutage(new RequestError({ kind: 'validation', message: '' }))).toBe(false);
    expect(countsAsOutage(new RequestError({ kind: 'aborted', message: '' }))).toBe(false);
    expect(countsAsOutage(new RateLimitError({ kind: 'too_many_requests', message: '' }))).toBe(false);
    expect(countsAsOutage(new ServerError({ kind: 'circuit_open', message: '' }))).toBe(false);
  });
});

/** What `admit()` threw, or undefined when it let the call through. */
function refusal(circuit: CircuitBreaker): ServerError | undefined {
  try {
    circuit.admit();
  } catch (error) {
    return error as ServerError;
  }
  return undefined;
}

function openAtStart(options = {}) {
  const parts = breaker(options);
  for (let index = 0; index < 5; index++) parts.circuit.recordFailure();
  return parts;
}

describe('circuit breaker: while open', () => {
  it('tells how long until a probe is allowed, in the error and its message', () => {
    const { circuit, clock } = openAtStart();
    clock.advance(10_500);
    const error = refusal(circuit);
    expect(error).toMatchObject({ kind: 'circuit_open', retryAfterMs: 19_500 });
    expect(error?.message).toBe('Circuit open for /chat/completions: 5 calls failed within 60 s, so no request was sent. A probe is allowed in 20 s.');
  });

  it('still refuses one millisecond before the recovery timeout', () => {
    const { circuit, clock } = openAtStart();
    clock.advance(29_999);
    expect(refusal(circuit)).toMatchObject({ retryAfterMs: 1 });
  });

  it('says a probe is in flight, with no wait, when a second call arrives in half-open', () => {
    const { circuit, clock } = openAtStart({ failureThreshold: 5, failureWindowMs: 30_000 });
    clock.advance(30_000);
    circuit.admit();
    const error = refusal(circuit);
    expect(error).toMatchObject({ kind: 'circuit_open', retryable: false, retryAfterMs: 0 });
    expect(error?.message).toBe('Circuit open for /chat/completions: 5 calls failed within 30 s, so no request was sent. A probe request is in flight.');
  });

  it('does not restart the recovery timer when a late call fails while open', () => {
    const { circuit, clock } = openAtStart();
    clock.advance(20_000);
    for (let index = 0; index < 5; index++) circuit.recordFailure();
    clock.advance(10_000);
    expect(circuit.admit()).toEqual({ isProbe: true });
  });

  it('stays open when a success is reported before the recovery timeout', () => {
    const { circuit } = openAtStart({ successThreshold: 1 });
    circuit.recordSuccess(true);
    expect(circuit.state).toBe('open');
  });

  it('honours a custom recovery timeout', () => {
    const { circuit, clock } = openAtStart({ recoveryTimeoutMs: 5_000 });
    clock.advance(5_000);
    expect(circuit.admit()).toEqual({ isProbe: true });
  });
});

describe('circuit breaker: counting failures', () => {
  it('no longer counts a failure exactly one window old', () => {
    const { circuit, clock } = breaker();
    for (let index = 0; index < 4; index++) circuit.recordFailure();
    clock.advance(60_000);
    circuit.recordFailure();
    expect(circuit.state).toBe('closed');
  });

  it('still counts a failure just inside the window', () => {
    const { circuit, clock } = breaker();
    for (let index = 0; index < 4; index++) circuit.recordFailure();
    clock.advance(59_999);
    circuit.recordFailure();
    expect(circuit.state).toBe('open');
  });

  it('starts from a clean slate after it closes again', () => {
    const { circuit, clock } = openAtStart();
    clock.advance(30_000);
    for (let index = 0; index < 3; index++) {
      circuit.admit();
      circuit.recordSuccess(true);
    }
    circuit.recordFailure();
    expect(circuit.state).toBe('closed');
  });

  it('needs a full run of successful probes again after a probe fails', () => {
    const { circuit, clock } = openAtStart();
    clock.advance(30_000);
    for (let index = 0; index < 2; index++) {
      circuit.admit();
      circuit.recordSuccess(true);
    }
    circuit.admit();
    circuit.recordFailure(true);
    clock.advance(30_000);
    circuit.admit();
    circuit.recordSuccess(true);
    expect(circuit.state).toBe('half_open');
  });

  it('treats an outcome recorded without the probe flag as no verdict in half-open', () => {
    const { circuit, clock } = openAtStart({ successThreshold: 1 });
    clock.advance(30_000);
    circuit.admit();
    circuit.recordSuccess();
    circuit.recordFailure();
    expect(circuit.state).toBe('half_open');
  });

  it('ignores successes while closed: failures within the window still open it', () => {
    const { circuit } = breaker();
    for (let index = 0; index < 4; index++) {
      circuit.recordFailure();
      circuit.recordSuccess(true);
    }
    circuit.recordFailure();
    expect(circuit.state).toBe('open');
  });
});

describe('which failures count as an outage', () => {
  it('counts a reset connection', () => {
    expect(countsAsOutage(new NetworkError({ kind: 'connection_reset', message: '' }))).toBe(true);
  });

  it('counts a timeout only when the network timed out', () => {
    expect(countsAsOutage(new RequestError({ kind: 'timeout', message: 'a middleware gave up' }))).toBe(false);
  });

  it('ignores anything that is not one of our errors', () => {
    expect(countsAsOutage(new Error('boom'))).toBe(false);
    expect(countsAsOutage({ category: 'server', kind: 'internal_error' })).toBe(false);
  });
});
