import { RequestError, ResponseError } from '@integrations/openai-core';
import { caught, MOCK_CLIENT_OPTIONS, useMockOpenAI } from '@integrations/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbeddingsService, planBatches } from '../index.js';

const mock = useMockOpenAI();
const embeddings = () => createEmbeddingsService(MOCK_CLIENT_OPTIONS);
const model = 'text-embedding-3-small';

/** The API's limit on tokens summed over the inputs of one embeddings request. */
const API_TOKENS_PER_REQUEST = 300_000;

/** Base64 of one float32, built without the code under test. */
const base64Of = (value: number) => Buffer.from(new Float32Array([value]).buffer).toString('base64');

/** Inputs are `text N`; this server answers each with the one-dimension vector [N], listed in reverse. */
function answerInReverse(): void {
  mock.faults.when((request) => {
    if (request.path !== '/embeddings') return undefined;
    const inputs = (request.json as { input: string[] }).input;
    const data = inputs.map((input, index) => ({ object: 'embedding', index, embedding: base64Of(Number(input.split(' ')[1])) })).reverse();
    return { status: 200, body: { object: 'list', model, data, usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } } };
  });
}

describe('embeddings.embedMany', () => {
  it('puts every vector at its input position when the server lists them out of order', async () => {
    answerInReverse();
    const inputs = Array.from({ length: 5_000 }, (_, index) => `text ${index}`);
    const result = await embeddings().embedMany(inputs, { model });
    expect(result.requests).toBe(3);
    expect(mock.requests.map((request) => (request.json as { input: string[] }).input.length).sort()).toEqual([2048, 2048, 904].sort());
    expect(result.embeddings.map((vector) => vector[0])).toEqual(inputs.map((_, index) => index));
    expect(result.usage).toEqual({ prompt_tokens: 5_000, total_tokens: 5_000 });
  });

  it('keeps every request under the API token limit for text outside ASCII', async () => {
    // 983,040 CJK characters: a four-characters-a-token estimate put them all in one request.
    const inputs = Array.from({ length: 2048 }, () => '漢字'.repeat(240));
    const result = await embeddings().embedMany(inputs, { model, dimensions: 1 });
    expect(result.embeddings).toHaveLength(2048);
    expect(mock.requests.length).toBeGreaterThan(1);
    for (const request of mock.requests) {
      const bytes = (request.json as { input: string[] }).input.reduce((sum, input) => sum + Buffer.byteLength(input), 0);
      // A byte-level BPE token is at least one UTF-8 byte, so bytes bound the real token count.
      expect(bytes).toBeLessThanOrEqual(API_TOKENS_PER_REQUEST);
    }
  });

  it('fails with the typed error of a failed batch', async () => {
    mock.faults.next({ path: '/embeddings', status: 400, body: { error: { message: 'too long', type: 'invalid_request_error', param: 'input' } } });
    const error = await caught(() => embeddings().embedMany(['a', 'b', 'c'], { model }, { maxInputsPerRequest: 1, concurrency: 1 }));
    expect(error).toMatchObject({ category: 'request', status: 400, param: 'input' });
    expect(mock.requests).toHaveLength(1);
  });

  it('fails with invalid_response when the server answers fewer embeddings than inputs', async () => {
    const data = [{ object: 'embedding', index: 0, embedding: base64Of(1) }];
    mock.faults.next({ path: '/embeddings', status: 200, body: { object: 'list', model, data, usage: { prompt_tokens: 2, total_tokens: 2 } } });
    const error = await caught<ResponseError>(() => embeddings().embedMany(['a', 'b'], { model }));
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toMatch(/answered a batch of 2 inputs with 1 embeddings/);
  });

  describe('where AbortSignal.any does not exist (edge runtimes, Safari before 17.4)', () => {
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
    afterEach(() => void (any && Object.defineProperty(AbortSignal, 'any', any)));

    it('still embeds with the caller\'s signal', async () => {
      Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true, writable: true });
      const result = await embeddings().embedMany(['a', 'b'], { model, dimensions: 2 }, { signal: new AbortController().signal });
      expect(result.embeddings).toHaveLength(2);
    });
  });

  it.each([
    ['concurrency', 0],
    ['concurrency', -1],
    ['concurrency', 1.5],
    ['concurrency', Number.NaN],
    ['maxInputsPerRequest', 0],
    ['maxTokensPerRequest', 0],
    ['maxTokensPerRequest', Number.POSITIVE_INFINITY],
  ])('rejects %s: %s as a validation error before sending', async (name, value) => {
    const pending = embeddings().embedMany(['a', 'b'], { model }, { [name]: value });
    const error = await caught<RequestError>(() => pending);
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('validation');
    expect(error.issues!.map((issue) => issue.path)).toEqual([name]);
    expect(mock.requests).toHaveLength(0);
  });
});

describe('embedMany against answers that do not match the batch', () => {
  /** Answers each batch correctly, except that `tamper` may change the first batch's data. */
  function answer(tamper: (data: Array<{ object: string; index: number; embedding: string }>) => void): void {
    mock.faults.when((request) => {
      if (request.path !== '/embeddings') return undefined;
      const inputs = (request.json as { input: string[] }).input;
      const data = inputs.map((input, index) => ({ object: 'embedding', index, embedding: base64Of(Number(input.split(' ')[1])) }));
      if (inputs[0] === 'text 0') tamper(data);
      return { status: 200, body: { object: 'list', model, data, usage: { prompt_tokens: 1, total_tokens: 1 } } };
    });
  }
  const four = ['text 0', 'text 1', 'text 2', 'text 3'];

  it.each([
    ['an extra item whose index lands in the next batch', (data: Array<{ object: string; index: number; embedding: string }>) => data.push({ object: 'embedding', index: 2, embedding: base64Of(999) })],
    ['a negative index', (data: Array<{ object: string; index: number; embedding: string }>) => { data[1]!.index = -1; }],
    ['a repeated index', (data: Array<{ object: string; index: number; embedding: string }>) => { data[1]!.index = 0; }],
  ])('fails with invalid_response for %s, never putting a vector on the wrong input', async (_what, tamper) => {
    answer(tamper);
    const error = await caught<ResponseError>(() => embeddings().embedMany(four, { model }, { maxInputsPerRequest: 2, concurrency: 1 }));
    expect(ResponseError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('invalid_response');
  });

  it('rejects inputs that are neither text nor token ids as a validation error, before sending', async () => {
    const error = await caught<RequestError>(() => embeddings().embedMany(['a', null as never], { model }));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'inputs[1]' }] });
    expect(mock.requests).toHaveLength(0);
  });

  it('fails with invalid_response when the server answers data: null', async () => {
    mock.faults.next({ status: 200, body: { object: 'list', model, data: null, usage: { prompt_tokens: 1, total_tokens: 1 } } });
    const error = await caught<ResponseError>(() => embeddings().create({ model, input: 'x' }));
    expect(error).toMatchObject({ kind: 'invalid_response' });
  });
});

describe('planBatches', () => {
  it('plans batches by estimated tokens as well as by count', () => {
    const long = 'x'.repeat(400); // ~100 tokens
    expect(planBatches([long, long, long, 'y'], 2048, 250).map((batch) => [batch.start, batch.items.length])).toEqual([[0, 2], [2, 2]]);
    expect(planBatches(['a', 'b', 'c'], 2, 1_000).map((batch) => batch.items.length)).toEqual([2, 1]);
  });
});
