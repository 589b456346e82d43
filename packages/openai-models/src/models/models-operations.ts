/** The operations of the models service, as the official spec names them (see `Operation`). */
import { defineOperations } from '@integrations/openai-core';
import type { ModelsService } from './models.js';

/** `GET /models`, `GET /models/{model}`, `DELETE /models/{model}`. */
export const modelsOperations = defineOperations<ModelsService>()({
  listModels: { operationId: 'listModels', method: 'GET', path: '/models', invoke: (models) => models.list() },
  retrieveModel: { operationId: 'retrieveModel', method: 'GET', path: '/models/{model}', invoke: (models, { pathParams }) => models.retrieve(pathParams.model!) },
  deleteModel: { operationId: 'deleteModel', method: 'DELETE', path: '/models/{model}', invoke: (models, { pathParams }) => models.delete(pathParams.model!) },
});
