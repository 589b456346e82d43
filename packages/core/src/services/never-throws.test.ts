/**
 * Core's verbs never throw synchronously: a bad body, a bad path parameter or bad options come
 * back as a rejection (or, for `stream` and `list`, on the first read), so `.catch()` and
 * `Promise.allSettled` see every failure. Nothing is sent.
 */
import { useMockApi } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { mockCore } from '../../test/helpers.js';
import { OpenAIError, type ParamsSchema } from '../index.js';

const api = useMockApi();
const strict: ParamsSchema = { safeParse: (value) => (typeof value === 'object' && value !== null && 'model' in value ? { success: true, data: value } : { success: false, error: { issues: [{ code: 'custom', path: ['model'], message: 'model is required' }] } }) };

/** Calls `run`; fails the test if it throws synchronously, and returns what it returned. */
function noSyncThrow<T>(run: () => T): T {
  let result!: T;
  expect(() => (result = run())).not.toThrow();
  return result;
}

async function rejectionOf(value: PromiseLike<unknown> | AsyncIterable<unknown>): Promise<OpenAIError> {
  try {
    if (Symbol.asyncIterator in value) await value[Symbol.asyncIterator]().next();
    else await value;
  } catch (error) {
    expect(OpenAIError.isInstance(error)).toBe(true);
    return error as OpenAIError;
  }
  throw new Error('expected a rejection');
}

describe('core verbs never throw synchronously', () => {
  const core = () => mockCore();
  it.each([
    ['post with an invalid body', () => core().post('/x', { body: {}, schema: strict })],
    ['postBinary with an invalid body', () => core().postBinary('/x', { body: {}, schema: strict })],
    ['postMultipart with an invalid body', () => core().postMultipart('/x', { body: {}, schema: strict as ParamsSchema<Record<string, never>> })],
    ['get with a ".." path parameter', () => core().get('/models/{model}', { pathParams: { model: '..' } })],
    ['delete with an empty path parameter', () => core().delete('/models/{model}', { pathParams: { model: '' } })],
    ['getBinary with a "." path parameter', () => core().getBinary('/files/{file_id}/content', { pathParams: { file_id: '.' } })],
    ['a negative per-call timeout', () => core().get('/models', {}, { timeout: -1 })],
  ])('rejects for %s', async (_name, run) => {
    const error = await rejectionOf(noSyncThrow(run));
    expect(error.kind).toBe('validation');
    expect(api.calls).toHaveLength(0);
  });

  it('returns a stream for an invalid body, failing on the first next()', async () => {
    const stream = noSyncThrow(() => core().stream('/chat/completions', { body: {}, schema: strict }));
    expect((await rejectionOf(stream)).kind).toBe('validation');
    await expect(stream.responseMeta).rejects.toMatchObject({ kind: 'validation' });
    expect(api.calls).toHaveLength(0);
  });

  it('returns a list for a bad path parameter, failing on await and on for await', async () => {
    const list = noSyncThrow(() => core().list('/vector_stores/{id}/files', { pathParams: { id: '%2e%2e' } }));
    expect((await rejectionOf(list)).kind).toBe('validation');
    expect((await rejectionOf(list as AsyncIterable<unknown>)).kind).toBe('validation');
    expect(api.calls).toHaveLength(0);
  });

  it('fails a second iteration of a stream on next(), not when the loop starts', async () => {
    const stream = core().stream('/chat/completions', { body: {}, schema: strict });
    await rejectionOf(stream);
    const again = noSyncThrow(() => stream[Symbol.asyncIterator]());
    await expect(again.next()).rejects.toMatchObject({ kind: 'stream_consumed' });
  });
});

describe('core.stream with a bad init', () => {
  it.each([undefined, null, 'body'])('returns a failing stream for init %j instead of throwing', async (init) => {
    const stream = noSyncThrow(() => mockCore().stream('/chat/completions', init as never));
    expect((await rejectionOf(stream)).kind).toBe('validation');
  });

  it('rejects a body JSON cannot hold (a BigInt) as a validation error', async () => {
    const error = await rejectionOf(mockCore().post('/x', { body: { n: 10n } }));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'body' }] });
    expect(api.calls).toHaveLength(0);
  });
});
