/** The `chat` domain: everything `@integrations/openai-chat` exports. */
export * from '@integrations/openai-chat';
