import { NetworkError, RequestError } from '@integrations/openai-core';
import { caught, reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { createFilesService } from '../index.js';

const api = useMockApi();
const files = () => createFilesService({ apiKey: 'sk-test', baseUrl: api.baseUrl, maxRetries: 0, logLevel: 'off' });
const file = (status: string) => ({ id: 'file-1', object: 'file', bytes: 1, created_at: 1, filename: 'a.jsonl', purpose: 'fine-tune', status });

describe('files.waitForProcessing', () => {
  it('polls until the file is processed, honouring the server hint', async () => {
    api.on('GET', '/files/file-1', reply.json(file('uploaded'), { headers: { 'openai-poll-after-ms': '1' } }), reply.json(file('uploaded')), reply.json(file('processed')));
    const done = await files().waitForProcessing('file-1', { pollInterval: 1 });
    expect(done.status).toBe('processed');
    expect(api.calls).toHaveLength(3);
  });

  it('stops at a file in error, returning it', async () => {
    api.on('GET', '/files/file-1', reply.json(file('error')));
    expect((await files().waitForProcessing('file-1')).status).toBe('error');
  });

  it('gives up at the deadline with a typed poll timeout', async () => {
    api.on('GET', '/files/file-1', reply.json(file('uploaded')));
    const error = await caught(() => files().waitForProcessing('file-1', { pollInterval: 1, deadline: 30 }));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'poll' });
  });

  it('accepts a Date as the deadline', async () => {
    api.on('GET', '/files/file-1', reply.json(file('uploaded')));
    const error = await caught(() => files().waitForProcessing('file-1', { pollInterval: 1, deadline: new Date(Date.now() + 20) }));
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'poll' });
  });

  it('stops at once when aborted, with a typed abort', async () => {
    api.on('GET', '/files/file-1', reply.json(file('uploaded')));
    const controller = new AbortController();
    const waiting = files().waitForProcessing('file-1', { pollInterval: 60_000, signal: controller.signal });
    while (api.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await caught(() => waiting);
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'aborted' });
  });

  it.each([
    ['a negative poll interval', { pollInterval: -1 }, 'pollInterval'],
    ['a deadline of 0', { deadline: 0 }, 'deadline'],
    ['an invalid Date', { deadline: new Date('nope') }, 'deadline'],
    ['a signal that is not one', { signal: 'stop' }, 'signal'],
  ])('refuses %s before polling', async (_case, options, path) => {
    const error = await caught(() => files().waitForProcessing('file-1', options as never));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path }] });
    expect(api.calls).toHaveLength(0);
  });
});
