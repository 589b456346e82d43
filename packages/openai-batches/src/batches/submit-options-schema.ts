/** The schema of `submit`'s own options: loaded (with zod) on the first `submit`. */
import { lazySchema } from '@integrations/openai-core';
import * as z from 'zod/mini';

/** `endpoint`, `completionWindow`, `metadata`, `outputExpiresAfter`; the other keys are request options. */
export const submitOptionsSchema = lazySchema(() => z.looseObject({
  endpoint: z.optional(z.string()),
  completionWindow: z.optional(z.literal('24h')),
  metadata: z.optional(z.record(z.string(), z.string())),
  outputExpiresAfter: z.optional(z.looseObject({ anchor: z.literal('created_at'), seconds: z.int().check(z.gte(3600), z.lte(2_592_000)) })),
}));

