import { reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { caught, mockCore } from '../../test/helpers.js';
import { lazySchema, RequestError } from '../index.js';

const api = useMockApi();

const chatParams = lazySchema(() =>
  z.looseObject({
    model: z.string().min(1),
    temperature: z.number().min(0).max(2).optional(),
    messages: z.array(z.looseObject({ role: z.enum(['system', 'user', 'assistant', 'tool', 'developer']) })),
  }),
);

describe('request validation', () => {
  it('lists every issue with its path and sends nothing', async () => {
    api.on('POST', '/chat/completions', reply.json({}));
    const error = await caught<RequestError>(() =>
      mockCore().post('/chat/completions', { body: { temperature: 5, messages: [{ role: 'wizard' }] } as never, schema: chatParams }),
    );
    expect(error).toBeInstanceOf(RequestError);
    expect(error.kind).toBe('validation');
    expect(error.issues!.map((issue) => issue.path).sort()).toEqual(['messages[0].role', 'model', 'temperature']);
    expect(error.message).toContain('temperature');
    expect(api.calls).toHaveLength(0);
  });

  it('fails a stream on its first read, before sending, for streams too', async () => {
    api.on('POST', '/chat/completions', reply.sse([]));
    const stream = mockCore().stream('/chat/completions', { body: { messages: [] } as never, schema: chatParams });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({ kind: 'validation' });
    expect(api.calls).toHaveLength(0);
  });

  it('passes unknown fields through exactly as given', async () => {
    api.on('POST', '/chat/completions', reply.json({ id: 'x' }));
    const body = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'hi', future_field: 1 }], brand_new_option: { a: true } };
    await mockCore().post('/chat/completions', { body, schema: chatParams });
    expect(api.calls[0]!.json).toEqual(body);
  });

  it('builds a lazy schema once, on first use', () => {
    const build = vi.fn(() => z.string());
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    schema();
    schema();
    expect(build).toHaveBeenCalledTimes(1);
  });
});
