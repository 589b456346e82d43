/** The `core` domain: everything `@integrations/openai-core` exports. */
export * from '@integrations/openai-core';
