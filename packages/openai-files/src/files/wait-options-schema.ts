/** The schema of wait options (`waitForProcessing`): loaded (with zod) on the first wait. */
import { lazySchema } from '@integrations/openai-core';
import * as z from 'zod/mini';

const isSignal = (value: unknown) => typeof value === 'object' && value !== null && typeof (value as AbortSignal).addEventListener === 'function' && 'aborted' in value;

/** `pollInterval`, `deadline` and `signal`; the other keys are request options, checked by core. */
export const waitOptionsSchema = lazySchema(() => z.looseObject({
  pollInterval: z.optional(z.number().check(z.gte(0), z.lte(2 ** 31 - 1))),
  deadline: z.optional(z.union([
    z.number().check(z.gt(0), z.lte(2 ** 31 - 1)),
    z.custom<Date>((value) => value instanceof Date && !Number.isNaN(value.getTime()), { error: 'expected a number of milliseconds or a valid Date' }),
  ])),
  signal: z.optional(z.custom<AbortSignal>(isSignal, { error: 'must be an AbortSignal' })),
}));
