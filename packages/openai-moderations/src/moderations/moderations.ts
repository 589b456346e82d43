/** The moderations service. */
import { createOpenAICore, rejectingMethods, type ClientOptions, type OpenAICore, type RequestOptions } from '@integrations/openai-core';
import { moderationsOperations as operations } from './moderations-operations.js';
import type { ModerationCreateParams } from './moderations-schemas.js';
import type { ModerationResponse, ModerationResult } from './moderations-types.js';

/** Moderations. */
export interface ModerationsService {
  create(params: ModerationCreateParams, options?: RequestOptions): Promise<ModerationResponse>;
}

/** The categories a result flagged, for logs and messages. */
export function flaggedCategories(result: ModerationResult): string[] {
  return Object.entries(result.categories).filter(([, flagged]) => flagged === true).map(([category]) => category);
}

/**
 * Creates the moderations service from client options or a shared core.
 *
 * @example
 * const moderations = createModerationsService({ apiKey: process.env.OPENAI_API_KEY });
 * const { results } = await moderations.create({ input: userText });
 * if (results[0].flagged) reject(flaggedCategories(results[0]));
 */
export function createModerationsService(configOrCore: ClientOptions | OpenAICore = {}): ModerationsService {
  const core = createOpenAICore(configOrCore);
  const { createModeration } = operations;
  return rejectingMethods<ModerationsService>({
    create: (params, options) => core.post<ModerationResponse, ModerationCreateParams>(createModeration.path, { body: params, schema: createModeration.requestSchema }, options),
  });
}
