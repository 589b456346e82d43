/**
 * A per-client retry budget: a token bucket where every retry spends one token and every
 * successful call refunds a fraction of one. When the server is down nothing refunds, so
 * retries stop after `maxTokens` and each call makes a single attempt (no retry storm).
 */

/** Budget settings. */
export interface RetryBudgetOptions {
  /** Retries that may be spent in a burst. Default 20. */
  maxTokens?: number;
  /** Tokens a successful call gives back. Default 0.2 (steady state: one retry per five successes). */
  refundPerSuccess?: number;
}

/** The retry budget of one client. */
export class RetryBudget {
  readonly #maxTokens: number;
  readonly #refund: number;
  #tokens: number;

  constructor(options: RetryBudgetOptions = {}) {
    this.#maxTokens = options.maxTokens ?? 20;
    this.#refund = options.refundPerSuccess ?? 0.2;
    this.#tokens = this.#maxTokens;
  }

  /** Spends one token if there is one; false means: do not retry. */
  trySpend(): boolean {
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Called for each successful call. */
  refund(): void {
    this.#tokens = Math.min(this.#maxTokens, this.#tokens + this.#refund);
  }

  /** Tokens left (for metrics and tests). */
  get tokens(): number {
    return this.#tokens;
  }
}
