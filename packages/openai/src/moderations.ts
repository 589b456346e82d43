/** The `moderations` domain: everything `@integrations/openai-moderations` exports. */
export * from '@integrations/openai-moderations';
