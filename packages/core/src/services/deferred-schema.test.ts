import { reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { caught, mockCore } from '../../test/helpers.js';
import { deferredSchema, lazySchema, RequestError, resolveSchema, validateParamsAsync } from '../index.js';

const api = useMockApi();

const paramsSchema = () => z.looseObject({ model: z.string().min(1) });

describe('a deferred schema', () => {
  it('is loaded on the first validation and validates like any schema', async () => {
    const load = vi.fn(async () => paramsSchema());
    const schema = deferredSchema(load);
    expect(load).not.toHaveBeenCalled();
    api.on('POST', '/chat/completions', reply.json({ id: 'x' }));
    await mockCore().post('/chat/completions', { body: { model: 'gpt-4o' }, schema });
    const error = await caught<RequestError>(() => mockCore().post('/chat/completions', { body: { model: '' }, schema }));
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('validation');
    expect(error.issues!.map((issue) => issue.path)).toEqual(['model']);
    expect(api.calls).toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('is returned synchronously once loaded', async () => {
    const schema = deferredSchema(async () => lazySchema(paramsSchema));
    expect(resolveSchema(schema)).toBeInstanceOf(Promise);
    await resolveSchema(schema);
    expect(resolveSchema(schema)).toHaveProperty('safeParse');
  });

  it('loads again after a failed load', async () => {
    let attempts = 0;
    const schema = deferredSchema(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('chunk failed to load');
      return paramsSchema();
    });
    await expect(validateParamsAsync(schema, { model: 'm' })).rejects.toThrow('chunk failed to load');
    await expect(validateParamsAsync(schema, { model: 'm' })).resolves.toEqual({ model: 'm' });
  });

  it('fails a stream on its first read, before sending', async () => {
    api.on('POST', '/chat/completions', reply.sse([]));
    const schema = deferredSchema(async () => paramsSchema());
    const stream = mockCore().stream('/chat/completions', { body: {}, schema });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({ kind: 'validation' });
    expect(api.calls).toHaveLength(0);
  });

  it('checks a multipart body before sending', async () => {
    api.on('POST', '/files', reply.json({}));
    const schema = deferredSchema(async () => z.looseObject({ purpose: z.string() }));
    await expect(mockCore().postMultipart('/files', { body: {}, schema })).rejects.toMatchObject({ kind: 'validation' });
    expect(api.calls).toHaveLength(0);
  });

  it('rejects through validateParamsAsync with the issues, and resolves to the value itself', async () => {
    const schema = deferredSchema(async () => paramsSchema());
    const value = { model: 'm', extra: 1 };
    await expect(validateParamsAsync(schema, value)).resolves.toBe(value);
    await expect(validateParamsAsync(schema, {}, 'options')).rejects.toMatchObject({ kind: 'validation', message: expect.stringContaining('Invalid options') });
  });
});
