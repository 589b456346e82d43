/** `POST /embeddings` parameters (CreateEmbeddingRequest), as zod/mini schemas built on first use. */
import { lazySchema } from '@integrations/openai-core';
import * as z from 'zod/mini';

/** The API's per-request limit on the number of inputs. */
export const MAX_INPUTS_PER_REQUEST = 2048;

const many = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.minLength(1), z.maxLength(MAX_INPUTS_PER_REQUEST));

/** Every field of the request; unknown fields pass through. */
export const embeddingParamsSchema = lazySchema(() => z.looseObject({
  model: z.string().check(z.minLength(1, 'model is required')),
  input: z.union([
    z.string(),
    many(z.string()),
    many(z.int()),
    many(z.array(z.int()).check(z.minLength(1))),
  ]),
  encoding_format: z.optional(z.enum(['float', 'base64'])),
  dimensions: z.optional(z.int().check(z.gte(1))),
  user: z.optional(z.string()),
}));

/** The parameters of `create`. */
export type EmbeddingCreateParams = z.input<ReturnType<typeof embeddingParamsSchema>>;
