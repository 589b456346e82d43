/** The `batches` domain: everything `@integrations/openai-batches` exports. */
export * from '@integrations/openai-batches';
