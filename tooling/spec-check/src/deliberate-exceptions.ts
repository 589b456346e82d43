/**
 * The one list of spec constraints our request schemas deliberately do not enforce, each with
 * its reason. The spec check fails on any constraint that is neither enforced nor listed here,
 * and on any entry here that no longer matches an unenforced constraint (so the list stays true).
 *
 * `field` is the probe's path as the report prints it (`*` matches any run of characters);
 * `constraint` is the JSON Schema keyword (`enum`, `maximum`, `required`, `type`, `integer`,
 * ...) or `accepts-valid` for a value the spec accepts and our schema refuses.
 */

/** One constraint we leave to the API, and why. */
export interface DeliberateException {
  operationId: string;
  field: string;
  constraint: string;
  reason: string;
}

/** Every deliberate exception. */
export const deliberateExceptions: readonly DeliberateException[] = [
  {
    operationId: 'createChatCompletion', field: 'service_tier', constraint: 'enum',
    reason: 'open by convention: tiers are added over time (flex, priority, fast) and a new one must not need a release',
  },
  {
    operationId: 'createChatCompletion', field: 'reasoning_effort', constraint: 'enum',
    reason: 'open by convention: effort levels keep growing (minimal, xhigh, max came later) and differ per model',
  },
  {
    operationId: 'createChatCompletion', field: 'verbosity', constraint: 'enum',
    reason: 'open by convention, like reasoning_effort: a model-dependent level the API extends',
  },
  {
    operationId: 'createChatCompletion', field: 'prompt_cache_options.ttl', constraint: 'enum',
    reason: "the spec lists a single TTL ('30m'); longer ones are bound to follow, and the server checks the value anyway",
  },
];
