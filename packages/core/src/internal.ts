/**
 * For sibling packages only (`@integrations/openai-core/internal`): building blocks that are
 * not part of the public API and may change in any release.
 */
export { abortError, anySignal, linkSignals, sleep, type LinkedSignal } from './abort.js';
export { buildUrl } from './build-url.js';
export { CircuitBreaker, countsAsOutage } from './circuit-breaker.js';
export { systemClock } from './clock.js';
export { classifyFailure, type FailurePhase } from './classify-failure.js';
export { classifyErrorResponse, classifyStreamError, parseApiErrorBody, type ApiErrorObject } from './classify-response.js';
export { readEnv } from './env.js';
export { createClientLogger, type ClientLogger } from './logger.js';
export { createPipeline, USER_AGENT, type ExecutedCall, type PipelineParts, type ResponseParser } from './request-pipeline.js';
export { RateLimiter } from './rate-limiter.js';
export { createResiliencePolicy, type ResilienceSettings } from './resilience.js';
export { annotateError, singleAttemptPolicy, type Attempt, type AttemptOutcome, type CallContext, type ResiliencePolicy } from './resilience-policy.js';
export { computeRetryDelay, rateLimitResetWait, serverRetryHint } from './retry.js';
export { RetryBudget } from './retry-budget.js';
export { attachResponseMeta, createResponseMeta, parseRateLimitHeaders, parseRetryAfter } from './response-meta.js';
export { toUploadSource, type UploadSource } from './upload-source.js';
