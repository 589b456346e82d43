/** `POST /moderations` parameters (CreateModerationRequest), as zod/mini schemas built on first use. */
import { lazySchema } from '@integrations/openai-core';
import * as z from 'zod/mini';

/** Text, several texts, or multimodal parts (text and image URLs); `model` defaults to omni-moderation-latest on the server. */
export const moderationParamsSchema = lazySchema(() => z.looseObject({
  input: z.union([
    z.string(),
    z.array(z.string()).check(z.minLength(1)),
    z.array(z.discriminatedUnion('type', [
      z.looseObject({ type: z.literal('text'), text: z.string() }),
      z.looseObject({ type: z.literal('image_url'), image_url: z.looseObject({ url: z.string().check(z.minLength(1)) }) }),
    ])).check(z.minLength(1)),
  ]),
  model: z.optional(z.string().check(z.minLength(1))),
}));

/** The parameters of `create`. */
export type ModerationCreateParams = z.input<ReturnType<typeof moderationParamsSchema>>;
