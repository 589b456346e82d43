import { RequestError, ResponseError } from '@integrations/openai-core';
import { mockEmbedding } from '@integrations/openai-testing';
import { caught, MOCK_CLIENT_OPTIONS, useMockOpenAI } from '@integrations/test-kit';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createEmbeddingsService } from '../index.js';

const mock = useMockOpenAI();
const embeddings = () => createEmbeddingsService(MOCK_CLIENT_OPTIONS);
const model = 'text-embedding-3-small';
const listOf = (vectors: unknown[]) => ({
  object: 'list', model, usage: { prompt_tokens: 1, total_tokens: 1 },
  data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
});

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

  it('decodes the base64 the API sends into exactly the floats it encodes', async () => {
    // Written out by hand from IEEE-754 single precision, little-endian, not by the mock:
    // 1 = 0x3f800000, -2 = 0xc0000000, 0.5 = 0x3f000000, 0.15625 = 0x3e200000.
    mock.faults.next({ path: '/embeddings', status: 200, body: listOf(['AACAPwAAAMAAAAA/AAAgPg==']) });
    const response = await embeddings().create({ model, input: 'x' });
    expect(response.data[0]!.embedding).toEqual(new Float32Array([1, -2, 0.5, 0.15625]));
  });

  it('returns number[] when the float format is asked for', async () => {
    const floats = await embeddings().create({ model, input: 'same text', encoding_format: 'float' });
    expectTypeOf(floats.data[0]!.embedding).toEqualTypeOf<number[]>();
    expect(floats.data[0]!.embedding).toHaveLength(1536);
    expect(typeof floats.data[0]!.embedding[0]).toBe('number');
  });

  it('makes Float32Arrays of the floats a compatible server sends although base64 was asked for', async () => {
    mock.faults.next({ path: '/embeddings', status: 200, body: listOf([[0.25, -1.5, 3]]) });
    const response = await embeddings().create({ model, input: 'x' });
    expect(mock.requests[0]!.json).toMatchObject({ encoding_format: 'base64' });
    expect(response.data[0]!.embedding).toBeInstanceOf(Float32Array);
    expect(response.data[0]!.embedding).toEqual(new Float32Array([0.25, -1.5, 3]));
  });

  it('fails with invalid_response when an embedding is neither base64 nor numbers', async () => {
    mock.faults.next({ path: '/embeddings', status: 200, body: listOf([{ values: [1] }]) });
    const error = await caught<ResponseError>(() => embeddings().create({ model, input: 'x' }));
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.kind).toBe('invalid_response');
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
