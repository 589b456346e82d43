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
