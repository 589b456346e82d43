/**
 * @integrations/openai: the whole OpenAI API behind one client, or any domain on its own
 * through the subpaths (`@integrations/openai/chat`, `/embeddings`, `/models`, `/moderations`, `/files`,
 * `/batches`, `/images`, `/audio`, `/core`).
 */
export { createOpenAIClient, createOpenAIClientFromEnv, type OpenAIClient } from './client.js';
export * from '@integrations/openai-core';
export * from '@integrations/openai-chat';
export * from '@integrations/openai-embeddings';
export * from '@integrations/openai-models';
export * from '@integrations/openai-moderations';
export * from '@integrations/openai-files';
export * from '@integrations/openai-batches';
export * from '@integrations/openai-images';
export * from '@integrations/openai-audio';
