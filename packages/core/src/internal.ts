/**
 * For sibling packages only (`@integrations/openai-core/internal`): building blocks that are
 * not part of the public API and may change in any release.
 */
export { abortError, anySignal, linkSignals, sleep, type LinkedSignal } from './transport/abort.js';
export { buildUrl } from './transport/build-url.js';
export { CircuitBreaker, countsAsOutage } from './resilience/circuit-breaker.js';
export { systemClock } from './resilience/clock.js';
export { classifyFailure, type FailurePhase } from './errors/classify-failure.js';
export { classifyErrorResponse, classifyStreamError, parseApiErrorBody, type ApiErrorObject } from './errors/classify-response.js';
export { readEnv } from './config/env.js';
export { createClientLogger, type ClientLogger } from './observability/logger.js';
export { checkRequestOptions } from './config/check-request-options.js';
export { streamIdleTimeoutFor } from './core.js';
export { awaitFirstEvent } from './streams/await-first-event.js';
export { createPipeline, USER_AGENT, type ExecutedCall, type PipelineParts, type ResponseParser } from './transport/request-pipeline.js';
export { createResiliencePolicy, type ResilienceSettings } from './resilience/resilience.js';
export { annotateError, singleAttemptPolicy, type Attempt, type AttemptOutcome, type CallContext, type ResiliencePolicy } from './resilience/resilience-policy.js';
export { computeRetryDelay, rateLimitResetWait, serverRetryHint } from './resilience/retry.js';
export { RetryBudget } from './resilience/retry-budget.js';
export { attachResponseMeta, createResponseMeta, parseRateLimitHeaders, parseRetryAfter } from './transport/response-meta.js';
export { afterValidation } from './services/validation.js';
