/** The `audio` domain: everything `@integrations/openai-audio` exports. */
export * from '@integrations/openai-audio';
