/**
 * The umbrella client: one core (one transport, breaker, limiter, set of hooks), and each
 * domain service created on first use. No logic of its own.
 */
import { createAudioService, type AudioService } from '@integrations/openai-audio';
import { createBatchesService, type BatchesService } from '@integrations/openai-batches';
import { createChatService, type ChatCompletionService } from '@integrations/openai-chat';
import { createOpenAICore, type ClientOptions, type OpenAICore } from '@integrations/openai-core';
import { createEmbeddingsService, type EmbeddingsService } from '@integrations/openai-embeddings';
import { createFilesService, type FilesService } from '@integrations/openai-files';
import { createImagesService, type ImagesService } from '@integrations/openai-images';
import { createModelsService, type ModelsService } from '@integrations/openai-models';
import { createModerationsService, type ModerationsService } from '@integrations/openai-moderations';

/** Every service, on one shared core. */
export interface OpenAIClient {
  /** The shared core: config, and raw verbs for endpoints without a service yet. */
  readonly core: OpenAICore;
  readonly chat: ChatCompletionService;
  readonly models: ModelsService;
  readonly embeddings: EmbeddingsService;
  readonly moderations: ModerationsService;
  /** Files, and the Uploads API as `files.uploads`. */
  readonly files: FilesService;
  readonly batches: BatchesService;
  /** Images: generate, edit, variations, streamed partial images. */
  readonly images: ImagesService;
  /** Audio: transcribe, translate, speech. */
  readonly audio: AudioService;
}

const factories = {
  chat: createChatService,
  models: createModelsService,
  embeddings: createEmbeddingsService,
  moderations: createModerationsService,
  files: createFilesService,
  batches: createBatchesService,
  images: createImagesService,
  audio: createAudioService,
} satisfies { [K in Exclude<keyof OpenAIClient, 'core'>]: (core: OpenAICore) => OpenAIClient[K] };

/**
 * Creates a client for the whole API.
 *
 * @example
 * const client = createOpenAIClient({ apiKey: process.env.OPENAI_API_KEY, maxRetries: 5 });
 * const completion = await client.chat.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
 * const { data } = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'Hi' });
 */
export function createOpenAIClient(options: ClientOptions = {}): OpenAIClient {
  const core = createOpenAICore(options);
  const client = { core } as OpenAIClient;
  for (const [name, create] of Object.entries(factories)) {
    let service: unknown;
    Object.defineProperty(client, name, { enumerable: true, get: () => (service ??= create(core)) });
  }
  // Logs and JSON show where the client points, never its options (the key is redacted anyway).
  Object.defineProperty(client, 'toJSON', { value: () => ({ baseUrl: core.config.baseUrl, organizationId: core.config.organizationId, projectId: core.config.projectId }) });
  return Object.freeze(client);
}

/**
 * Creates a client from `OPENAI_API_KEY`, `OPENAI_ORG_ID`, `OPENAI_PROJECT_ID` and
 * `OPENAI_BASE_URL`; `overrides` win over the environment for everything else.
 *
 * @example
 * const client = createOpenAIClientFromEnv({ timeout: 60_000 });
 */
export function createOpenAIClientFromEnv(overrides: Omit<ClientOptions, 'apiKey' | 'organizationId' | 'projectId' | 'baseUrl'> = {}): OpenAIClient {
  return createOpenAIClient(overrides);
}
