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
  {
    operationId: 'createImage',
    packageDir: 'openai-images',
    overlays: [
      { pointer: '/properties/prompt', set: { minLength: 1, maxLength: 32000 }, reason: 'the description: 32000 characters at most (GPT image models; dall-e-2 and dall-e-3 take fewer, checked per model); an empty prompt can only fail' },
      { pointer: '/properties/output_compression', set: { minimum: 0, maximum: 100 }, reason: 'the description: a compression level of 0-100%' },
      { pointer: '/properties/model', set: { minLength: 1 }, reason: 'an empty model id can only fail; leave model out for the default' },
    ],
  },
  {
    // The JSON form of an edit (`images` by URL or file id); the multipart form is hand-written.
    operationId: 'createImageEdit',
    packageDir: 'openai-images',
    overlays: [
      { pointer: '/properties/model/anyOf/0', set: { minLength: 1 }, reason: 'an empty model id can only fail; leave model out for the default' },
      {
        pointer: '#/components/schemas/ImageRefParam',
        set: {
          anyOf: [
            { type: 'object', required: ['image_url'], properties: { image_url: { type: 'string', minLength: 1, maxLength: 20971520 } } },
            { type: 'object', required: ['file_id'], properties: { file_id: { type: 'string', minLength: 1 } } },
          ],
        },
        reason: 'the spec states "exactly one of image_url or file_id" as bare required-lists the generator reads as unknown; each becomes an object (sending both is left to the server)',
      },
    ],
  },
  {
    operationId: 'createSpeech',
    packageDir: 'openai-audio',
    overlays: [
      { pointer: '/properties/input', set: { minLength: 1 }, reason: 'there is nothing to say in an empty input; the API refuses it' },
      { pointer: '/properties/model', set: { minLength: 1 }, reason: 'an empty model id can only fail; say so before sending' },
    ],
  },
  {
    operationId: 'createUpload',
    packageDir: 'openai-files',
    overlays: [
      { pointer: '/properties/filename', set: { minLength: 1 }, reason: 'the API reads the extension of the name; an empty one can only fail' },
      { pointer: '/properties/mime_type', set: { minLength: 1 }, reason: 'an empty MIME type can only fail' },
      { pointer: '/properties/bytes', set: { minimum: 0, maximum: 8 * 1024 ** 3 }, reason: 'an Upload takes at most 8 GB (the operation summary); a negative size can only fail' },
    ],
  },
  { operationId: 'completeUpload', packageDir: 'openai-files' },
  {
    operationId: 'createBatch',
    packageDir: 'openai-batches',
    overlays: [{ pointer: '/properties/input_file_id', set: { minLength: 1 }, reason: 'an empty file id can only fail; say so before sending' }],
  },
];
