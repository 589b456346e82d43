/**
 * The contract every service keeps, walked over every public method of every service package:
 * bad input never throws synchronously. A method that returns a promise rejects with a typed
 * error; one that returns a stream or a list fails on its first read; nothing is sent.
 * A new domain package gets the same test by adding one line to SERVICES.
 */
import { MOCK_CLIENT_OPTIONS, useMockOpenAI } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { createAudioService } from '@integrations/openai-audio';
import { createBatchesService } from '@integrations/openai-batches';
import { createChatService } from '@integrations/openai-chat';
import { OpenAIError, type OpenAICore } from '@integrations/openai-core';
import { createEmbeddingsService } from '@integrations/openai-embeddings';
import { createFilesService, createUploadsService } from '@integrations/openai-files';
import { createImagesService } from '@integrations/openai-images';
import { createModelsService } from '@integrations/openai-models';
import { createModerationsService } from '@integrations/openai-moderations';

const mock = useMockOpenAI();

const SERVICES: Record<string, (options: typeof MOCK_CLIENT_OPTIONS | OpenAICore) => object> = {
  chat: createChatService,
  embeddings: createEmbeddingsService,
  models: createModelsService,
  moderations: createModerationsService,
  files: createFilesService,
  uploads: createUploadsService,
  batches: createBatchesService,
  images: createImagesService,
  audio: createAudioService,
};

/** Wrong wherever it goes: not a params object, not an id, and an invalid `timeout` as options. */
const BAD_EVERYWHERE = { timeout: -1 };
/** Bad inputs for a method of any shape, its options last. */
const BAD_ARGUMENTS: Array<[string, unknown[]]> = [
  ['bad values in every position', [BAD_EVERYWHERE, BAD_EVERYWHERE, BAD_EVERYWHERE]],
  ['".." ids and bad options', ['..', '..', BAD_EVERYWHERE]],
  ['a wrong type and bad options', [42, 42, BAD_EVERYWHERE]],
];

const cases = Object.entries(SERVICES).flatMap(([name, create]) =>
  Object.keys(create(MOCK_CLIENT_OPTIONS)).flatMap((method) => BAD_ARGUMENTS.map(([why, args]) => [`${name}.${method}`, why, create, method, args] as const)),
);

/** The typed error a result reports on its first read (await, or `next()` of its iterator). */
async function firstReadError(result: unknown): Promise<unknown> {
  const readable = result as Partial<PromiseLike<unknown> & AsyncIterable<unknown>>;
  try {
    if (typeof readable.then === 'function') await (readable as PromiseLike<unknown>);
    else if (typeof readable[Symbol.asyncIterator] === 'function') await readable[Symbol.asyncIterator]!().next();
    else return new Error(`returned neither a promise nor a stream: ${String(result)}`);
  } catch (error) {
    return error;
  }
  return new Error('succeeded with bad input');
}

describe('every service method reports bad input without throwing', () => {
  it('walks every method of every service', () => {
    expect(cases.length).toBeGreaterThanOrEqual(Object.keys(SERVICES).length * BAD_ARGUMENTS.length);
  });

  it.each(cases)('%s with %s', async (_label, _why, create, method, args) => {
    const service = create(MOCK_CLIENT_OPTIONS) as Record<string, (...values: unknown[]) => unknown>;
    let result: unknown;
    expect(() => (result = service[method]!(...args))).not.toThrow();
    const error = await firstReadError(result);
    expect(OpenAIError.isInstance(error), String(error)).toBe(true);
    expect((error as OpenAIError).kind).toBe('validation');
    expect(mock.requests).toHaveLength(0);
  });
});
