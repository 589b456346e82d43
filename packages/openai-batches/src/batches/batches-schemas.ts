/**
 * `POST /batches` parameters, generated from the official spec (../generated/create-batch.ts,
 * by tooling/codegen), under the package's names; and the query of `GET /batches`.
 */
import { lazySchema, type LazySchema, type ParamsSchema } from '@integrations/openai-core';
import * as z from 'zod/mini';
import { createBatchRequestSchema, type CreateBatchRequest } from '../generated/create-batch.js';

/** The body of `batches.create`: closed, so a misspelt field fails to compile. */
export type BatchCreateParams = CreateBatchRequest;

/** Validates `batches.create` before sending; unknown fields pass through. */
export const batchCreateParamsSchema = createBatchRequestSchema;

/** The query of `batches.list`; unknown keys are sent as given. */
export interface BatchListParams {
  /** A batch id: the page starts after it. */
  after?: string;
  /** 1 to 100; the API's default is 20. */
  limit?: number;
}

/** Validates the query of `batches.list`. */
export const batchListParamsSchema: LazySchema<ParamsSchema<BatchListParams>> = lazySchema(() => z.looseObject({
  after: z.optional(z.string().check(z.minLength(1))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
}));
