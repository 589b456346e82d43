/**
 * @integrations/openai-chat/zod: Structured Outputs and function tools from your zod 4 schemas
 * (like the official SDK's `openai/helpers/zod`). A subpath of its own so the main entry does
 * not load zod; the helpers use the zod your schemas come from (a peer dependency).
 */
export { zodFunction, zodResponseFormat, type ToolContext, type ZodFunctionTool, type ZodResponseFormat } from './structured/zod-helpers.js';
