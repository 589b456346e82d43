/**
 * @integrations/openai/zod: Structured Outputs and function tools from your zod 4 schemas
 * (`zodResponseFormat`, `zodFunction`), as in the official SDK's `openai/helpers/zod`.
 */
export * from '@integrations/openai-chat/zod';
