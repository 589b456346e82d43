/** @integrations/openai-models: list, retrieve and delete models. */
export { createModelsService, type ModelsService } from './models/models.js';
export type { Model, ModelDeleted } from './models/models-types.js';
export { modelsOperations } from './models/models-operations.js';
