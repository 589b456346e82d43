import { RequestError } from '@integrations/openai-core';
import { caught, MOCK_CLIENT_OPTIONS, useMockOpenAI } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { createModerationsService, flaggedCategories } from '../index.js';

const mock = useMockOpenAI();
const moderations = () => createModerationsService(MOCK_CLIENT_OPTIONS);

describe('moderations', () => {
  it('moderates one text', async () => {
    const response = await moderations().create({ input: 'I will kill the process' });
    expect(response.results).toHaveLength(1);
    expect(response.results[0]!.flagged).toBe(true);
    expect(flaggedCategories(response.results[0]!)).toEqual(['violence']);
    expect(response.model).toBe('omni-moderation-latest');
  });

  it('moderates an array of texts, one result each', async () => {
    const response = await moderations().create({ input: ['a calm lake', 'I hate this'], model: 'omni-moderation-latest' });
    expect(response.results.map((result) => result.flagged)).toEqual([false, true]);
    expect(mock.requests[0]!.json).toEqual({ input: ['a calm lake', 'I hate this'], model: 'omni-moderation-latest' });
  });

  it('moderates multimodal input: text and image parts together', async () => {
    const response = await moderations().create({ input: [{ type: 'text', text: 'look' }, { type: 'image_url', image_url: { url: 'https://example.com/violent.png' } }] });
    expect(response.results[0]).toMatchObject({ flagged: true, categories: { violence: true } });
    expect(response.results[0]!.category_applied_input_types.violence).toEqual(['text', 'image']);
  });

  it.each([
    ['no input', {}, 'input'],
    ['an empty array', { input: [] }, 'input'],
    ['an unknown part type', { input: [{ type: 'video', url: 'x' }] }, 'input[0].type'],
  ])('refuses %s before sending', async (_name, params, path) => {
    const error = await caught<RequestError>(() => moderations().create(params as never));
    expect(error).toBeInstanceOf(RequestError);
    expect(error.issues!.map((issue) => issue.path)).toContain(path);
    expect(mock.requests).toHaveLength(0);
  });
});
