/**
 * @integrations/openai-testing: a mock OpenAI API for tests and demos: a real loopback server
 * (and, at `./msw`, msw handlers) with deterministic replies, scripting and fault injection.
 */
export type { ScriptedReply } from './chat-replies.js';
export { mockEmbedding, MAX_EMBEDDING_INPUTS } from './embeddings-reply.js';
export { exampleFromSchema } from './example-from-schema.js';
export type { MockBatch, MockFiles, MockStoredFile, MockUpload } from './file-store.js';
export { apiError, type Fault, type FaultInjector, type FaultRule } from './faults.js';
export { createMockOpenAI, type ChatScript, type MockOpenAI, type MockOpenAIOptions } from './mock-openai.js';
export { DEFAULT_MODELS, type MockModel } from './models-reply.js';
export { encodePng, pngSize, type Rgb } from './png.js';
export { encodeWav, readWav, type WavInfo } from './wav.js';
export type { RecordedRequest } from './recorded-request.js';
export { startMockServer, type MockServer } from './server.js';
