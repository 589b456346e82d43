/**
 * A circuit breaker (DESIGN §5). It counts calls, not attempts: one call that fails after all
 * its retries is one failure, so a single call cannot open the circuit alone. Only outages
 * count (5xx, timeouts, connection failures); 4xx, 429 and aborts never do.
 * closed → (failureThreshold failures within failureWindowMs) → open → (recoveryTimeoutMs) →
 * half-open: one probe at a time; successThreshold successes close it, any failure reopens it.
 */
import type { Clock } from './clock.js';
import { definedOnly } from '../config/defined-only.js';
import { OpenAIError, ServerError } from '../errors/errors.js';

/** Breaker settings. */
export interface CircuitBreakerOptions {
  /** Failed calls within the window that open the circuit. Default 5. */
  failureThreshold?: number;
  /** Successful probes in half-open that close it. Default 3. */
  successThreshold?: number;
  /** Default 60 s. */
  failureWindowMs?: number;
  /** How long it stays open before letting a probe through. Default 30 s. */
  recoveryTimeoutMs?: number;
  /**
   * One circuit per endpoint (method + path template, e.g. `POST /chat/completions`), so one
   * failing endpoint does not stop the others. `false`: one circuit for the whole client.
   * Default true.
   */
  perEndpoint?: boolean;
}

/** Breaker states; the gauge `openai_circuit_breaker_state` reports 0, 1, 2 in this order. */
export type CircuitState = 'closed' | 'half_open' | 'open';

/**
 * Told about state changes, rejected calls and recorded outcomes. In `onStateChange` the
 * endpoint is the circuit's key (`POST /chat/completions`, or `*` for a client-wide circuit);
 * the other events name the call's endpoint template.
 */
export interface CircuitBreakerHook {
  onStateChange?(event: { endpoint: string; from: CircuitState; to: CircuitState }): void;
  onRejected?(event: { endpoint: string; retryAfterMs: number }): void;
  onOutcome?(event: { endpoint: string; outcome: 'success' | 'failure'; state: CircuitState }): void;
}

/** The defaults of DESIGN §5. */
export const DEFAULT_CIRCUIT_BREAKER = { failureThreshold: 5, successThreshold: 3, failureWindowMs: 60_000, recoveryTimeoutMs: 30_000 };

/** True for the failures a breaker counts: the server is failing, not the request. */
export function countsAsOutage(error: unknown): boolean {
  if (!OpenAIError.isInstance(error)) return false;
  if (error.kind === 'circuit_open') return false;
  if (error.category === 'server') return true;
  return error.category === 'network' && ['timeout', 'connection_failed', 'connection_reset'].includes(error.kind);
}

/** What `admit()` answers: two frozen constants, since every attempt asks. */
const ADMITTED: { readonly isProbe: boolean } = Object.freeze({ isProbe: false });
const PROBE: { readonly isProbe: boolean } = Object.freeze({ isProbe: true });

/** One circuit. */
export class CircuitBreaker {
  readonly #options: typeof DEFAULT_CIRCUIT_BREAKER;
  readonly #clock: Clock;
  readonly #endpoint: string;
  readonly #onChange: (from: CircuitState, to: CircuitState) => void;
  #state: CircuitState = 'closed';
  #failures: number[] = [];
  #openedAt = 0;
  #probeInFlight = false;
  #probeSuccesses = 0;
  /** Calls running under this circuit (entered, not yet left). */
  #active = 0;

  constructor(endpoint: string, options: CircuitBreakerOptions, clock: Clock, onChange: (from: CircuitState, to: CircuitState) => void) {
    this.#endpoint = endpoint;
    this.#options = { ...DEFAULT_CIRCUIT_BREAKER, ...definedOnly(options) };
    this.#clock = clock;
    this.#onChange = onChange;
  }

  get state(): CircuitState {
    return this.#state;
  }

  /** A call starts running under this circuit; `leave()` when it is over, whatever the outcome. */
  enter(): void {
    this.#active++;
  }

  /** The call `enter()` counted is over. */
  leave(): void {
    this.#active--;
  }

  /**
   * Closed, with no call running and no failure inside the window: it holds nothing a new circuit
   * would not, and no call will report to it.
   */
  get isIdle(): boolean {
    if (this.#state !== 'closed' || this.#probeInFlight || this.#active > 0) return false;
    const now = this.#clock.now();
    return this.#failures.every((time) => now - time >= this.#options.failureWindowMs);
  }

  /**
   * Lets an attempt through or throws `circuit_open` without any request. In half-open only one
   * probe attempt is let through at a time; `isProbe` tells the caller it holds that slot.
   */
  admit(): { readonly isProbe: boolean } {
    if (this.#state === 'open') {
      const waited = this.#clock.now() - this.#openedAt;
      if (waited < this.#options.recoveryTimeoutMs) throw this.#openError(this.#options.recoveryTimeoutMs - waited);
      this.#transition('half_open');
    }
    if (this.#state === 'half_open') {
      if (this.#probeInFlight) throw this.#openError(0);
      this.#probeInFlight = true;
      return PROBE;
    }
    return ADMITTED;
  }

  /** A probe attempt ended without a verdict (an abort, a 4xx): free the slot. */
  releaseProbe(): void {
    this.#probeInFlight = false;
  }

  /**
   * Records a call (or probe attempt) that succeeded. In half-open only the probe counts: a
   * call admitted before the circuit opened proves nothing about the server now.
   */
  recordSuccess(isProbe = false): void {
    if (this.#state === 'half_open' && isProbe) {
      this.#probeInFlight = false;
      this.#probeSuccesses++;
      if (this.#probeSuccesses >= this.#options.successThreshold) this.#transition('closed');
    }
  }

  /** Records a call that failed with an outage error (or a failed probe attempt); in half-open only the probe's verdict counts. */
  recordFailure(isProbe = false): void {
    const now = this.#clock.now();
    if (this.#state === 'half_open') {
      if (!isProbe) return;
      this.#probeInFlight = false;
      this.#open(now);
      return;
    }
    if (this.#state === 'open') return;
    this.#failures = this.#failures.filter((time) => now - time < this.#options.failureWindowMs);
    this.#failures.push(now);
    if (this.#failures.length >= this.#options.failureThreshold) this.#open(now);
  }

  #open(now: number): void {
    this.#openedAt = now;
    this.#transition('open');
  }

  #transition(to: CircuitState): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    this.#probeSuccesses = 0;
    this.#probeInFlight = false;
    if (to === 'closed') this.#failures = [];
    this.#onChange(from, to);
  }

  #openError(retryAfterMs: number): ServerError {
    const { failureThreshold, failureWindowMs } = this.#options;
    return new ServerError({
      kind: 'circuit_open',
      retryable: false,
      retryAfterMs,
      message: `Circuit open for ${this.#endpoint}: ${failureThreshold} calls failed within ${failureWindowMs / 1000} s, so no request was sent. ${
        retryAfterMs > 0 ? `A probe is allowed in ${Math.ceil(retryAfterMs / 1000)} s.` : 'A probe request is in flight.'}`,
    });
  }
}
