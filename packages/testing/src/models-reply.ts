/** The mock's model list; fine-tuned models (`ft:`) may be deleted, base models may not. */

/** A model object as the API returns it. */
export interface MockModel {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

/** The models every mock server starts with. */
export const DEFAULT_MODELS: readonly MockModel[] = [
  'gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'o3-mini', 'text-embedding-3-small', 'text-embedding-3-large',
  'omni-moderation-latest',
].map((id) => ({ id, object: 'model' as const, created: 1_715_367_049, owned_by: 'system' }))
  .concat([{ id: 'ft:gpt-4o-mini-2024-07-18:acme::mock123', object: 'model', created: 1_730_000_000, owned_by: 'user-mock' }]);
