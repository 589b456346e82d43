/** The `embeddings` domain: everything `@integrations/openai-embeddings` exports. */
export * from '@integrations/openai-embeddings';
