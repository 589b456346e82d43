/** The `images` domain: everything `@integrations/openai-images` exports. */
export * from '@integrations/openai-images';
