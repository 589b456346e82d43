/**
 * @integrations/openai/schemas: every domain's request schemas (zod/mini), for checking a body
 * yourself. The services load them on their first validation, so the main entry does not load zod.
 */
export * from '@integrations/openai-chat/schemas';
export * from '@integrations/openai-embeddings/schemas';
export * from '@integrations/openai-moderations/schemas';
export * from '@integrations/openai-files/schemas';
export * from '@integrations/openai-batches/schemas';
export * from '@integrations/openai-images/schemas';
export * from '@integrations/openai-audio/schemas';
