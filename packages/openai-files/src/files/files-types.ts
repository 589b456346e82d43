/** File objects as the API returns them (OpenAIFile, DeleteFileResponse in the spec). */

/** What a file is for. Open: the API adds purposes over time. */
export type FilePurpose =
  | 'assistants' | 'assistants_output' | 'batch' | 'batch_output' | 'fine-tune' | 'fine-tune-results'
  | 'vision' | 'user_data' | 'evals' | (string & {});

/** A file stored by the API. */
export interface FileObject {
  id: string;
  object: 'file';
  /** Size in bytes. */
  bytes: number;
  /** Unix seconds. */
  created_at: number;
  /** Unix seconds; absent for files that never expire. */
  expires_at?: number | null;
  filename: string;
  purpose: FilePurpose;
  /** @deprecated The API keeps it for fine-tuning files only; `waitForProcessing` reads it. */
  status: 'uploaded' | 'processed' | 'error' | (string & {});
  /** @deprecated See the fine-tuning job's `error` instead. */
  status_details?: string | null;
}

/** The answer to deleting a file. */
export interface FileDeleted {
  id: string;
  object: 'file';
  deleted: boolean;
}
