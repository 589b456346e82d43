/**
 * The options of a wait (`waitForProcessing`): how often to ask, when to give up, how to stop,
 * checked like any params; the rest are per-call options for each poll.
 */
import { lazySchema, validateParams, type PollOptions, type RequestOptions } from '@integrations/openai-core';
import * as z from 'zod/mini';

/** How to wait for a file. */
export interface WaitOptions extends Omit<RequestOptions, 'onUploadProgress'> {
  /** Wait between polls when the server gives no `openai-poll-after-ms` hint. Default 1000 ms. */
  pollInterval?: number;
  /** When to give up with a typed `timeout` (timeoutKind `poll`): milliseconds from now, or a Date. Default 30 minutes. */
  deadline?: number | Date;
}

const isSignal = (value: unknown) => typeof value === 'object' && value !== null && typeof (value as AbortSignal).addEventListener === 'function' && 'aborted' in value;

const waitOptionsSchema = lazySchema(() => z.looseObject({
  pollInterval: z.optional(z.number().check(z.gte(0), z.lte(2 ** 31 - 1))),
  deadline: z.optional(z.union([
    z.number().check(z.gt(0), z.lte(2 ** 31 - 1)),
    z.custom<Date>((value) => value instanceof Date && !Number.isNaN(value.getTime()), { error: 'expected a number of milliseconds or a valid Date' }),
  ])),
  signal: z.optional(z.custom<AbortSignal>(isSignal, { error: 'must be an AbortSignal' })),
}));

/**
 * Splits wait options into core's poll settings and the options of each poll request.
 * Throws a validation error for bad values.
 *
 * @example
 * const { poll: settings, request } = resolveWaitOptions(options, 30 * 60_000);
 */
export function resolveWaitOptions(options: WaitOptions | undefined, defaultDeadlineMs: number): { poll: Omit<PollOptions<unknown>, 'isDone'>; request: RequestOptions } {
  validateParams(waitOptionsSchema, options ?? {}, 'options');
  const { pollInterval, deadline, ...request } = options ?? {};
  const timeoutMs = deadline instanceof Date ? Math.max(1, deadline.getTime() - Date.now()) : deadline ?? defaultDeadlineMs;
  const poll: Omit<PollOptions<unknown>, 'isDone'> = { timeoutMs, intervalMs: pollInterval ?? 1_000 };
  if (request.signal) poll.signal = request.signal;
  return { poll, request };
}
