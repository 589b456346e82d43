/** The schema of `waitFor`'s options: loaded (with zod) on the first wait. */
import { lazySchema } from '@integrations/openai-core';
import * as z from 'zod/mini';
import type { BatchWaitOptions } from './wait-for-batch.js';

const isSignal = (value: unknown) => typeof value === 'object' && value !== null && typeof (value as AbortSignal).addEventListener === 'function' && 'aborted' in value;
const MAX_TIMER = 2 ** 31 - 1;

/** `pollInterval`, `deadline`, `onProgress`, `signal`; the other keys are request options. */
export const waitOptionsSchema = lazySchema(() => z.looseObject({
  pollInterval: z.optional(z.number().check(z.gte(0), z.lte(MAX_TIMER))),
  deadline: z.optional(z.union([
    z.number().check(z.gt(0), z.lte(MAX_TIMER)),
    z.custom<Date>((value) => value instanceof Date && !Number.isNaN(value.getTime()), { error: 'expected a number of milliseconds or a valid Date' }),
  ])),
  onProgress: z.optional(z.custom<BatchWaitOptions['onProgress']>((value) => typeof value === 'function', { error: 'must be a function' })),
  signal: z.optional(z.custom<AbortSignal>(isSignal, { error: 'must be an AbortSignal' })),
}));

