/** The `models` domain: everything `@integrations/openai-models` exports. */
export * from '@integrations/openai-models';
