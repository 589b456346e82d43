/** The models service: list, retrieve and delete (fine-tuned models only). */
import { createOpenAICore, failedList, rejectingMethods, type ClientOptions, type OpenAICore, type PagedList, type RequestOptions } from '@integrations/openai-core';
import { modelsOperations as operations } from './models-operations.js';
import type { Model, ModelDeleted } from './models-types.js';

/** Models. */
export interface ModelsService {
  /** Every model: `await` for the list, or `for await` over the models. */
  list(options?: RequestOptions): PagedList<Model>;
  retrieve(model: string, options?: RequestOptions): Promise<Model>;
  /** Deletes a fine-tuned model you own. */
  delete(model: string, options?: RequestOptions): Promise<ModelDeleted>;
}

/**
 * Creates the models service from client options or a shared core.
 *
 * @example
 * const models = createModelsService({ apiKey: process.env.OPENAI_API_KEY });
 * for await (const model of models.list()) console.log(model.id);
 */
export function createModelsService(configOrCore: ClientOptions | OpenAICore = {}): ModelsService {
  const core = createOpenAICore(configOrCore);
  return rejectingMethods<ModelsService>({
    list: (options) => core.list<Model>(operations.listModels.path, {}, options),
    retrieve: (model, options) => core.get<Model>(operations.retrieveModel.path, { pathParams: { model } }, options),
    delete: (model, options) => core.delete<ModelDeleted>(operations.deleteModel.path, { pathParams: { model } }, options),
  }, { list: failedList });
}
