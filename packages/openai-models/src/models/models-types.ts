/** Model objects (Model, DeleteModelResponse in the spec). */

/** A model the API offers. */
export interface Model {
  id: string;
  object: 'model';
  /** Unix seconds. */
  created: number;
  owned_by: string;
  shutdown_date?: string | null;
}

/** The answer to deleting a fine-tuned model. */
export interface ModelDeleted {
  id: string;
  object: string;
  deleted: boolean;
}
