import { MOCK_CLIENT_OPTIONS, caught, useMockOpenAI } from '@integrations/test-kit';
import { inspect } from 'node:util';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as chatSubpath from './chat.js';
import {
  createChatService, createEmbeddingsService, createModelsService, createModerationsService, createOpenAIClient, createOpenAIClientFromEnv,
  RateLimitError, toFile,
} from './index.js';
import * as schemasSubpath from './schemas.js';
import { zodResponseFormat } from './zod.js';

// Each domain's factory is spied on (and still does its work), to see when the client calls it.
vi.mock('@integrations/openai-chat', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@integrations/openai-chat')>();
  return { ...actual, createChatService: vi.fn(actual.createChatService) };
});
vi.mock('@integrations/openai-embeddings', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@integrations/openai-embeddings')>();
  return { ...actual, createEmbeddingsService: vi.fn(actual.createEmbeddingsService) };
});
vi.mock('@integrations/openai-models', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@integrations/openai-models')>();
  return { ...actual, createModelsService: vi.fn(actual.createModelsService) };
});
vi.mock('@integrations/openai-moderations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@integrations/openai-moderations')>();
  return { ...actual, createModerationsService: vi.fn(actual.createModerationsService) };
});
const factories = [createChatService, createEmbeddingsService, createModelsService, createModerationsService].map((factory) => vi.mocked(factory));
beforeEach(() => factories.forEach((factory) => factory.mockClear()));

const mock = useMockOpenAI();
const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hi' }] };

describe('createOpenAIClient', () => {
  it('reaches every domain through one client', async () => {
    const client = createOpenAIClient(MOCK_CLIENT_OPTIONS);
    expect((await client.chat.create(ask)).choices[0]!.message.content).toBe('You said: hi');
    expect((await client.embeddings.create({ model: 'text-embedding-3-small', input: 'x', dimensions: 4 })).data[0]!.embedding).toHaveLength(4);
    expect((await client.models.retrieve('gpt-4o')).id).toBe('gpt-4o');
    expect((await client.moderations.create({ input: 'calm' })).results[0]!.flagged).toBe(false);
    expect(mock.requests.map((request) => request.path)).toEqual(['/chat/completions', '/embeddings', '/models/gpt-4o', '/moderations']);
  });

  it('reaches files, uploads and batches on the same core', async () => {
    const client = createOpenAIClient(MOCK_CLIENT_OPTIONS);
    const file = await client.files.upload({ file: toFile(new TextEncoder().encode('{}'), 'a.jsonl'), purpose: 'batch' });
    const upload = await client.files.uploads.create({ filename: 'b.jsonl', purpose: 'batch', bytes: 2, mime_type: 'application/jsonl' });
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect([file.object, upload.object, batch.object]).toEqual(['file', 'upload', 'batch']);
    expect(mock.requests.map((request) => request.path)).toEqual(['/files', '/uploads', '/batches']);
  });

  it('creates each service once, on first use', () => {
    const client = createOpenAIClient(MOCK_CLIENT_OPTIONS);
    for (const factory of factories) expect(factory).not.toHaveBeenCalled();
    const chat = client.chat;
    expect(createChatService).toHaveBeenCalledOnce();
    expect(createChatService).toHaveBeenCalledWith(client.core);
    expect(client.chat).toBe(chat);
    expect(createChatService).toHaveBeenCalledOnce();
    for (const factory of factories.slice(1)) expect(factory).not.toHaveBeenCalled();
  });

  it('shares one core: a client-wide circuit opened by chat calls also stops embeddings', async () => {
    // perEndpoint: false asks for one circuit for the whole client, the one the services share.
    const client = createOpenAIClient({ ...MOCK_CLIENT_OPTIONS, circuitBreaker: { failureThreshold: 2, perEndpoint: false } });
    mock.faults.always({ status: 503 });
    await caught(() => client.chat.create(ask));
    await caught(() => client.chat.create(ask));
    mock.faults.clear();
    const error = await caught(() => client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }));
    expect(error).toMatchObject({ kind: 'circuit_open' });
    expect(mock.requests).toHaveLength(2);
  });

  it('shares one set of hooks across services', async () => {
    const incrementCounter = vi.fn();
    const client = createOpenAIClient({ ...MOCK_CLIENT_OPTIONS, hooks: { metrics: { incrementCounter, recordHistogram: vi.fn() } } });
    await client.chat.create(ask);
    await client.moderations.create({ input: 'x' });
    const endpoints = incrementCounter.mock.calls.filter(([name]) => name === 'openai_requests_total').map(([, , labels]) => labels.endpoint);
    expect(endpoints).toEqual(['/chat/completions', '/moderations']);
  });

  it('never shows the API key in util.inspect or JSON', () => {
    const client = createOpenAIClient({ ...MOCK_CLIENT_OPTIONS, apiKey: 'sk-umbrella-SECRET' });
    void client.chat;
    expect(inspect(client, { depth: 8, showHidden: true })).not.toContain('sk-umbrella-SECRET');
    expect(JSON.stringify(client)).toBe(JSON.stringify({ baseUrl: MOCK_CLIENT_OPTIONS.baseUrl }));
  });

  it('reads the environment with createOpenAIClientFromEnv', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env');
    vi.stubEnv('OPENAI_BASE_URL', MOCK_CLIENT_OPTIONS.baseUrl);
    vi.stubEnv('OPENAI_PROJECT_ID', 'proj_env');
    await createOpenAIClientFromEnv({ maxRetries: 0, logLevel: 'off' }).models.list();
    expect(mock.requests[0]!.headers).toMatchObject({ authorization: 'Bearer sk-from-env', 'openai-project': 'proj_env' });
  });

  it('re-exports every domain and core, at the root and per subpath', () => {
    expect(createChatService).toBe(chatSubpath.createChatService);
    expect(zodResponseFormat).toBeTypeOf('function');
    expect(schemasSubpath.chatCompletionParamsSchema).toBeTypeOf('function');
    expect(schemasSubpath.embeddingParamsSchema).toBeTypeOf('function');
    expect(RateLimitError.isInstance(new RateLimitError({ kind: 'too_many_requests', message: 'x' }))).toBe(true);
  });
});

describe('the umbrella exports', () => {
  it('has no low-level runTools or embedMany whose signatures differ from the client methods', async () => {
    const umbrella: Record<string, unknown> = await import('./index.js');
    expect(umbrella.runTools).toBeUndefined();
    // zod loads on first use: its schemas and helpers live at `./schemas` and `./zod`.
    expect(umbrella.chatCompletionParamsSchema).toBeUndefined();
    expect(umbrella.zodResponseFormat).toBeUndefined();
    expect(umbrella.embedMany).toBeUndefined();
    expect(typeof createOpenAIClient(MOCK_CLIENT_OPTIONS).chat.runTools).toBe('function');
  });
});
