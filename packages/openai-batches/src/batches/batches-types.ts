/** Batch objects as the API returns them (Batch, BatchRequestCounts, BatchError in the spec). */
import type { CreateBatchRequest } from '../generated/create-batch.js';

/** The endpoints a batch may run (CreateBatchRequest.endpoint). */
export type BatchEndpoint = CreateBatchRequest['endpoint'];

/** Where a batch is. `completed`, `failed`, `expired` and `cancelled` are final. */
export type BatchStatus = 'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled' | (string & {});

/** How many of a batch's requests are done. */
export interface BatchRequestCounts {
  total: number;
  completed: number;
  failed: number;
}

/** A problem with the input file, found while validating it. */
export interface BatchError {
  code?: string;
  message?: string;
  param?: string | null;
  /** The line of the input file, when there is one. */
  line?: number | null;
}

/** A batch. `E` is its endpoint, which types its results. */
export interface Batch<E extends string = string> {
  id: string;
  object: 'batch';
  endpoint: E;
  model?: string;
  errors?: { object?: string; data?: BatchError[] } | null;
  input_file_id: string;
  completion_window: string;
  status: BatchStatus;
  output_file_id?: string | null;
  error_file_id?: string | null;
  /** Unix seconds, like every `*_at` field. */
  created_at: number;
  in_progress_at?: number | null;
  expires_at?: number | null;
  finalizing_at?: number | null;
  completed_at?: number | null;
  failed_at?: number | null;
  expired_at?: number | null;
  cancelling_at?: number | null;
  cancelled_at?: number | null;
  request_counts?: BatchRequestCounts;
  usage?: {
    input_tokens: number;
    input_tokens_details: { cached_tokens: number };
    output_tokens: number;
    output_tokens_details: { reasoning_tokens: number };
    total_tokens: number;
  };
  metadata?: Record<string, string> | null;
}

/** The statuses after which a batch no longer changes. */
export const FINAL_BATCH_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'expired', 'cancelled']);
