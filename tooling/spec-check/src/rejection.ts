/** How a check tells "refused locally, as a validation error" from every other outcome. */
import { OpenAIError } from '@integrations/openai-core';

/** What a call did: resolved, or rejected (with the error's kind when it is one of ours). */
export type CallOutcome = { rejected: false } | { rejected: true; kind: string | undefined; message: string };

/** Awaits `call` and describes how it settled. */
export async function settle(call: Promise<unknown>): Promise<CallOutcome> {
  try {
    await call;
    return { rejected: false };
  } catch (error) {
    const kind = OpenAIError.isInstance(error) ? error.kind : undefined;
    return { rejected: true, kind, message: error instanceof Error ? error.message : String(error) };
  }
}

/** True for a rejection with a local `validation` error. */
export const isValidationRejection = (outcome: CallOutcome) => outcome.rejected && outcome.kind === 'validation';
