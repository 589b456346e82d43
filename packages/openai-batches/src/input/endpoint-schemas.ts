/**
 * The request schema of a batch's endpoint, taken from its domain package when that package is
 * installed: `@integrations/openai-chat`, `-embeddings` and `-moderations` are optional peers,
 * loaded with a dynamic `import()` that tolerates their absence (then only the line's shape is
 * checked here, and the API checks the bodies). Module names are held in variables so bundlers
 * do not fail on a peer that is not installed.
 */
import type { AnySchema } from '@integrations/openai-core';
import type { BatchEndpoint } from '../batches/batches-types.js';

/** A request schema, as the domain packages' operation registries hold them (a deferred one loads on first use). */
export type RequestSchema = AnySchema<unknown>;

type Registry = Record<string, { requestSchema?: RequestSchema } | undefined>;

/** Where each endpoint's schema lives: package, registry export, operation. */
const SOURCES: Partial<Record<BatchEndpoint, [packageName: string, registry: string, operationId: string]>> = {
  '/v1/chat/completions': ['@integrations/openai-chat', 'chatOperations', 'createChatCompletion'],
  '/v1/embeddings': ['@integrations/openai-embeddings', 'embeddingsOperations', 'createEmbedding'],
  '/v1/moderations': ['@integrations/openai-moderations', 'moderationsOperations', 'createModeration'],
};

function isMissingModule(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = String((error as Error | undefined)?.message ?? '');
  // The peer itself is missing, not something it imports: its name is in the message.
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /cannot find|not found|failed to (?:resolve|load)/i.test(message);
  return notFound && message.includes(name);
}

/** Imports `name`, or returns undefined when it is not installed. Other import failures are thrown. */
export async function importOptional(name: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(/* @vite-ignore */ /* webpackIgnore: true */ name)) as Record<string, unknown>;
  } catch (error) {
    if (isMissingModule(error, name)) return undefined;
    throw error;
  }
}

/**
 * The request schema for `endpoint`, or undefined when no installed package provides one.
 *
 * @example
 * const schema = await endpointRequestSchema('/v1/chat/completions'); // chat's, when installed
 */
export async function endpointRequestSchema(endpoint: string, load: (name: string) => Promise<Record<string, unknown> | undefined> = importOptional): Promise<RequestSchema | undefined> {
  const source = SOURCES[endpoint as BatchEndpoint];
  if (source === undefined) return undefined;
  const [packageName, registry, operationId] = source;
  const loaded = await load(packageName);
  return (loaded?.[registry] as Registry | undefined)?.[operationId]?.requestSchema;
}
