/**
 * The one list of what the spec check covers: each package's operation registry and service
 * factory. A new domain package is one line here.
 */
import { batchesOperations, createBatchesService } from '@integrations/openai-batches';
import { chatOperations, createChatService } from '@integrations/openai-chat';
import type { ClientOptions, Operation, OperationInput } from '@integrations/openai-core';
import { createEmbeddingsService, embeddingsOperations } from '@integrations/openai-embeddings';
import { createFilesService, createUploadsService, filesOperations, uploadsOperations } from '@integrations/openai-files';
import { createImagesService, imagesOperations } from '@integrations/openai-images';
import { audioOperations, createAudioService } from '@integrations/openai-audio';
import { createModelsService, modelsOperations } from '@integrations/openai-models';
import { createModerationsService, moderationsOperations } from '@integrations/openai-moderations';

/** One registered operation, with a way to call it through a fresh service. */
export interface RegisteredOperation {
  packageName: string;
  operation: Operation<never>;
  /** Builds the package's service on `options` and calls the operation's public method. */
  call(options: ClientOptions, input: OperationInput): Promise<unknown>;
}

function registry<Service>(packageName: string, operations: Readonly<Record<string, Operation<Service>>>, createService: (options: ClientOptions) => Service): RegisteredOperation[] {
  return Object.values(operations).map((operation) => ({
    packageName,
    operation,
    // `then`: a method that throws synchronously must count as a rejection, as callers see it.
    call: (options, input) => Promise.resolve().then(() => operation.invoke(createService(options), input)),
  }));
}

/** Every operation the packages implement. */
export const registeredOperations: RegisteredOperation[] = [
  ...registry('@integrations/openai-chat', chatOperations, createChatService),
  ...registry('@integrations/openai-embeddings', embeddingsOperations, createEmbeddingsService),
  ...registry('@integrations/openai-images', imagesOperations, createImagesService),
  ...registry('@integrations/openai-audio', audioOperations, createAudioService),
  ...registry('@integrations/openai-models', modelsOperations, createModelsService),
  ...registry('@integrations/openai-moderations', moderationsOperations, createModerationsService),
  ...registry('@integrations/openai-files', filesOperations, createFilesService),
  ...registry('@integrations/openai-files', uploadsOperations, createUploadsService),
  ...registry('@integrations/openai-batches', batchesOperations, createBatchesService),
];
