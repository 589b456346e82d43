/** The `files` domain: everything `@integrations/openai-files` exports (files and the Uploads API). */
export * from '@integrations/openai-files';
