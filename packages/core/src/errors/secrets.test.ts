import { reply, useMockApi } from '@integrations/test-kit';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { caught, mockCore, TEST_API_KEY } from '../../test/helpers.js';
import { ApiKey, OpenAIError, resolveConfig, type Logger } from '../index.js';

const api = useMockApi();

function everyRendering(value: unknown): string[] {
  const renderings = [String(value), JSON.stringify(value) ?? '', inspect(value, { depth: 10, showHidden: true }), `${value as string}`];
  if (value instanceof Error) renderings.push(value.stack ?? '', inspect(value.cause, { depth: 10 }));
  return renderings;
}

function expectNoKey(value: unknown) {
  for (const text of everyRendering(value)) expect(text).not.toContain(TEST_API_KEY);
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (message: string, data?: unknown) => lines.push(`${message} ${inspect(data, { depth: 10 })} ${JSON.stringify(data)}`);
  return { lines, debug: write, info: write, warn: write, error: write };
}

describe('the API key never leaks', () => {
  it('prints as [REDACTED] from the key object', () => {
    const key = new ApiKey(TEST_API_KEY);
    expectNoKey(key);
    expect(String(key)).toBe('[REDACTED]');
    expect(key.reveal()).toBe(TEST_API_KEY);
  });

  it('is absent from the config and the client object', () => {
    expectNoKey(resolveConfig({ apiKey: TEST_API_KEY }));
    expectNoKey(mockCore());
  });

  it('is absent from every error, even when the server echoes the key', async () => {
    api.on('GET', '/models', reply.error(401, { message: `Incorrect API key provided: ${TEST_API_KEY}.`, code: 'invalid_api_key' }));
    api.on('GET', '/html', reply.html(500, `<html>${TEST_API_KEY}</html>`));
    api.on('GET', '/bad-json', reply.text(`{"oops": "${TEST_API_KEY}`, { contentType: 'application/json' }));
    api.on('GET', '/reset', reply.reset());
    const errors = [
      await caught(() => mockCore().get('/models')),
      await caught(() => mockCore().get('/html')),
      await caught(() => mockCore().get('/bad-json')),
      await caught(() => mockCore().get('/reset')),
      await caught(() => mockCore({ timeout: -5 })),
      await caught(() => mockCore({ baseUrl: 'http://example.com' })),
    ];
    for (const error of errors) {
      expect(OpenAIError.isInstance(error)).toBe(true);
      expectNoKey(error);
    }
    expect((errors[0] as Error).message).toContain('[REDACTED]');
  });

  it('is absent from debug logs, which show the other headers', async () => {
    api.on('POST', '/chat/completions', reply.json({ id: 'x', echo: TEST_API_KEY }));
    const logger = recordingLogger();
    const core = mockCore({ logger, logLevel: 'debug', logBodies: true, organizationId: 'org-secret-1', defaultHeaders: { 'x-api-key': TEST_API_KEY, cookie: 'a=b' } });
    await core.post('/chat/completions', { body: { model: 'm', note: TEST_API_KEY } });
    const all = logger.lines.join('\n');
    expect(logger.lines.length).toBeGreaterThan(1);
    expect(all).not.toContain(TEST_API_KEY);
    expect(all).not.toContain('a=b');
    expect(all).toContain('x-api-key');
    expect(all).toContain('[REDACTED]');
    expect(all).toContain('/chat/completions');
  });
});
