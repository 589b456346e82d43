import { getResponseMeta, RequestError, ResourceError, AuthenticationError } from '@integrations/openai-core';
import { caught, MOCK_CLIENT_OPTIONS, useMockOpenAI } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { createModelsService } from '../index.js';

const mock = useMockOpenAI();
const models = () => createModelsService(MOCK_CLIENT_OPTIONS);

describe('models', () => {
  it('lists models: awaited as a page, iterated model by model', async () => {
    const page = await models().list();
    expect(page.object).toBe('list');
    expect(page.data.map((model) => model.id)).toContain('gpt-4o');
    expect(getResponseMeta(page)?.status).toBe(200);
    const ids: string[] = [];
    for await (const model of models().list()) ids.push(model.id);
    expect(ids).toEqual(page.data.map((model) => model.id));
  });

  it('retrieves one model, encoding its id in the path', async () => {
    expect(await models().retrieve('gpt-4o')).toMatchObject({ id: 'gpt-4o', object: 'model', owned_by: 'system' });
    await models().retrieve('ft:gpt-4o-mini-2024-07-18:acme::mock123');
    expect(mock.requests[1]!.path).toBe('/models/ft%3Agpt-4o-mini-2024-07-18%3Aacme%3A%3Amock123');
  });

  it('raises an unknown model as ResourceError not_found', async () => {
    const error = await caught(() => models().retrieve('gpt-nope'));
    expect(error).toBeInstanceOf(ResourceError);
    expect(error).toMatchObject({ kind: 'not_found', status: 404, code: 'model_not_found' });
  });

  it('deletes a fine-tuned model, and refuses a base model with a typed 403', async () => {
    expect(await models().delete('ft:gpt-4o-mini-2024-07-18:acme::mock123')).toEqual({ id: 'ft:gpt-4o-mini-2024-07-18:acme::mock123', object: 'model', deleted: true });
    expect(await caught(() => models().delete('gpt-4o'))).toBeInstanceOf(AuthenticationError);
  });

  it.each(['', '.', '..', '%2E%2e'])('rejects the model id %j before sending, and never throws', async (id) => {
    for (const call of [() => models().retrieve(id), () => models().delete(id)]) {
      let pending: Promise<unknown> | undefined;
      expect(() => (pending = call())).not.toThrow();
      const error = await caught(() => pending);
      expect(RequestError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'model' }] });
    }
    expect(mock.requests).toHaveLength(0);
  });
});
