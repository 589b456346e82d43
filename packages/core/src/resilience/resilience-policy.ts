/**
 * The seam between one logical call and its HTTP attempts. The pipeline hands a policy an
 * `attempt` function; the policy decides how many times to call it and when. Retry, retry
 * budget, circuit breaker and rate limiter plug in here.
 */
import type { OpenAIError } from '../errors/errors.js';
import type { RequestOptions, RequestSpec } from '../transport/request-spec.js';

/** What a policy may know about the call it runs. */
export interface CallContext {
  readonly spec: RequestSpec;
  readonly options: RequestOptions;
  /** The endpoint template, e.g. `/chat/completions`. */
  readonly endpoint: string;
  /** Whether the body can be sent again (false for one-shot upload streams). */
  readonly replayable: boolean;
  /** Adds an event to the call's `openai.request` span. */
  spanEvent(name: string, attributes: Record<string, string | number | boolean>): void;
}

/** What a successful attempt produced: the parsed value and the response head. */
export interface AttemptOutcome<T> {
  value: T;
  response: Response;
}

/** One HTTP attempt: resolves with the parsed result or rejects with a typed error. */
export type Attempt<T> = (attemptNumber: number) => Promise<AttemptOutcome<T>>;

/** Runs the attempts of one call. */
export interface ResiliencePolicy {
  run<T>(call: CallContext, attempt: Attempt<T>): Promise<AttemptOutcome<T>>;
}

/** Calls `attempt` once. The default until retries are configured. */
export const singleAttemptPolicy: ResiliencePolicy = {
  run: (_call, attempt) => attempt(1),
};

/** Marks an error with how many attempts the call made and how long it took. */
export function annotateError(error: OpenAIError, attempts: number, durationMs: number): OpenAIError {
  Object.defineProperty(error, 'attempts', { value: attempts, enumerable: true, configurable: true });
  Object.defineProperty(error, 'durationMs', { value: durationMs, enumerable: true, configurable: true });
  return error;
}
