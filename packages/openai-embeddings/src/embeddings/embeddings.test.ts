import { RequestError } from '@integrations/openai-core';
import { mockEmbedding } from '@integrations/openai-testing';
import { caught, MOCK_CLIENT_OPTIONS, useMockOpenAI } from '@integrations/test-kit';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createEmbeddingsService, decodeBase64Floats, planBatches } from '../index.js';

const mock = useMockOpenAI();
const embeddings = () => createEmbeddingsService(MOCK_CLIENT_OPTIONS);
const model = 'text-embedding-3-small';

describe('embeddings.create', () => {
  it('asks for base64 by default and returns Float32Arrays', async () => {
    const response = await embeddings().create({ model, input: ['hello', 'world'], dimensions: 16 });
    expect(mock.requests[0]!.json).toMatchObject({ encoding_format: 'base64', dimensions: 16 });
    const first = response.data[0]!.embedding;
    expectTypeOf(first).toEqualTypeOf<Float32Array>();
    expect(first).toBeInstanceOf(Float32Array);
    expect(first).toEqual(mockEmbedding('hello', 16));
    expect(response.usage.total_tokens).toBeGreaterThan(0);
  });

  it('decodes base64 to exactly the float values the float format returns', async () => {
    const decoded = await embeddings().create({ model, input: 'same text' });
    const floats = await embeddings().create({ model, input: 'same text', encoding_format: 'float' });
    expectTypeOf(floats.data[0]!.embedding).toEqualTypeOf<number[]>();
    expect(Array.from(decoded.data[0]!.embedding)).toEqual(floats.data[0]!.embedding);
    expect(decoded.data[0]!.embedding).toHaveLength(1536);
  });

  it('returns the raw strings when base64 is asked for', async () => {
    const raw = await embeddings().create({ model, input: 'x', encoding_format: 'base64' });
    expectTypeOf(raw.data[0]!.embedding).toEqualTypeOf<string>();
    expect(typeof raw.data[0]!.embedding).toBe('string');
  });

  it('accepts token ids, one list or many', async () => {
    const single = await embeddings().create({ model, input: [1, 2, 3], dimensions: 4 });
    const many = await embeddings().create({ model, input: [[1, 2], [3]], dimensions: 4 });
    expect(single.data).toHaveLength(1);
    expect(many.data).toHaveLength(2);
  });

  it.each([
    ['a missing model', { input: 'x' }, 'model'],
    ['empty input', { model, input: [] }, 'input'],
    ['more than 2048 inputs', { model, input: Array.from({ length: 2049 }, () => 'x') }, 'input'],
    ['dimensions 0', { model, input: 'x', dimensions: 0 }, 'dimensions'],
    ['an unknown encoding', { model, input: 'x', encoding_format: 'int8' }, 'encoding_format'],
  ])('refuses %s before sending', async (_name, params, path) => {
    const error = await caught<RequestError>(() => embeddings().create(params as never));
    expect(error).toBeInstanceOf(RequestError);
    expect(error.issues!.map((issue) => issue.path)).toContain(path);
    expect(mock.requests).toHaveLength(0);
  });
});

describe('embeddings.embedMany', () => {
  it('splits 5,000 inputs into requests within the limit and keeps the order', async () => {
    const inputs = Array.from({ length: 5_000 }, (_, index) => `text ${index}`);
    const result = await embeddings().embedMany(inputs, { model, dimensions: 8 });
    expect(result.requests).toBe(3);
    expect(mock.requests.map((request) => (request.json as { input: string[] }).input.length).sort()).toEqual([2048, 2048, 904].sort());
    expect(result.embeddings).toHaveLength(5_000);
    for (const index of [0, 2047, 2048, 4999]) expect(result.embeddings[index]).toEqual(mockEmbedding(inputs[index]!, 8));
    expect(result.usage.total_tokens).toBe(result.usage.prompt_tokens);
  });

  it('fails with the typed error of a failed batch', async () => {
    mock.faults.next({ path: '/embeddings', status: 400, body: { error: { message: 'too long', type: 'invalid_request_error', param: 'input' } } });
    const error = await caught(() => embeddings().embedMany(['a', 'b', 'c'], { model }, { maxInputsPerRequest: 1, concurrency: 1 }));
    expect(error).toMatchObject({ category: 'request', status: 400, param: 'input' });
    expect(mock.requests).toHaveLength(1);
  });

  it('plans batches by estimated tokens as well as by count', () => {
    const long = 'x'.repeat(400); // ~100 tokens
    expect(planBatches([long, long, long, 'y'], 2048, 250).map((batch) => [batch.start, batch.items.length])).toEqual([[0, 2], [2, 2]]);
    expect(planBatches(['a', 'b', 'c'], 2, 1_000).map((batch) => batch.items.length)).toEqual([2, 1]);
  });
});

describe('decodeBase64Floats', () => {
  it('decodes little-endian float32 values', () => {
    expect(Array.from(decodeBase64Floats('AACAPwAAAEAAAEBA'))).toEqual([1, 2, 3]);
  });
});
