/**
 * Which operations get generated request schemas, into which package, and the few rules we keep
 * that are stricter than the spec (each with its reason; they are printed into the file too).
 */
import type { SpecSchema } from '@integrations/spec-check/spec-document';

/** A rule laid over the spec before generation: `set` is merged into the schema at `pointer`. */
export interface Overlay {
  /**
   * A JSON pointer into the request body schema (`/properties/input/oneOf/1`) or into a
   * component (`#/components/schemas/ServiceTier`).
   */
  pointer: string;
  set?: Partial<SpecSchema>;
  /** Reads the closed string enum at `pointer` as open: its values become suggestions. */
  openEnum?: true;
  reason: string;
}

/** One generated operation. */
export interface GeneratedOperation {
  operationId: string;
  /** The folder under `packages/`; the file lands in `src/generated/<operation-id>.ts`. */
  packageDir: string;
  /** Another place for the file, relative to the repository root (chat's preview). */
  output?: string;
  overlays?: Overlay[];
}

/** Every generated operation. */
export const generatedOperations: readonly GeneratedOperation[] = [
  {
    operationId: 'createEmbedding',
    packageDir: 'openai-embeddings',
    overlays: [{ pointer: '/properties/model', set: { minLength: 1 }, reason: 'an empty model id can only fail; say so before sending' }],
  },
  {
    operationId: 'createModeration',
    packageDir: 'openai-moderations',
    overlays: [
      { pointer: '/properties/input/oneOf/1', set: { minItems: 1 }, reason: 'an empty list moderates nothing; the API refuses it' },
      { pointer: '/properties/input/oneOf/2', set: { minItems: 1 }, reason: 'an empty list moderates nothing; the API refuses it' },
      { pointer: '/properties/model', set: { minLength: 1 }, reason: 'an empty model id can only fail; leave model out for the default' },
    ],
  },
  {
    // Chat publishes the generated interfaces as its closed request types; its run-time schema
    // stays hand-written for the rules the spec states only in prose (docs/schemas.md).
    operationId: 'createChatCompletion',
    packageDir: 'openai-chat',
    overlays: [
      { pointer: '#/components/schemas/ServiceTier', openEnum: true, reason: 'tiers are added over time' },
      { pointer: '#/components/schemas/ReasoningEffort', openEnum: true, reason: 'effort levels keep growing and differ per model' },
      { pointer: '#/components/schemas/Verbosity', openEnum: true, reason: 'a model-dependent level the API extends' },
      { pointer: '#/components/schemas/PromptCacheTTLEnum', openEnum: true, reason: 'one TTL today; more are bound to follow' },
    ],
  },
];
