/**
 * A server or proxy that echoes the key (in a long body, an error field, a header, a stream
 * event) never gets it into an error, a log line or response metadata, not even in part.
 */
import { reply, useMockApi } from '@integrations/test-kit';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { caught, mockCore } from '../../test/helpers.js';
import { ApiKey, ConfigurationError, createOpenAICore, getResponseMeta, type Logger } from '../index.js';

const api = useMockApi();
/** 158 characters, like a real project key. */
const KEY = `sk-proj-${'a1B2c3D4e5'.repeat(15)}`;
const PREFIX = KEY.slice(0, 24);

function everywhere(value: unknown): string {
  return [String(value), JSON.stringify(value), inspect(value, { depth: 10 }), (value as Error)?.stack ?? ''].join('\n');
}

function recordingLogger(): Logger & { text(): string } {
  const lines: string[] = [];
  const write = (message: string, data?: unknown) => lines.push(`${message} ${inspect(data, { depth: 10 })}`);
  return { text: () => lines.join('\n'), debug: write, info: write, warn: write, error: write };
}

describe('echoes of the key', () => {
  it('keeps no prefix of a key that a proxy echoes across the 200-character cut of a body', async () => {
    api.on('GET', '/models/m', reply.text(`Proxy authentication failed: the upstream rejected the credentials in the request header. Authorization: Bearer ${KEY}`, { status: 401, contentType: 'text/plain' }));
    const error = await caught(() => mockCore({ apiKey: KEY }).get('/models/m'));
    expect(error).toMatchObject({ status: 401 });
    expect(everywhere(error)).not.toContain(PREFIX);
  });

  it('redacts the key in the error object fields and headers', async () => {
    api.on('GET', '/models/m', reply.error(401, { message: 'nope', type: `t ${KEY}`, code: KEY, param: KEY }, { 'x-debug-auth': `Bearer ${KEY}` }));
    const error = await caught(() => mockCore({ apiKey: KEY }).get('/models/m'));
    expect(everywhere(error)).not.toContain(PREFIX);
    expect(error.code).toBe('[REDACTED]');
  });

  it('redacts the key in an SSE error event and in an event that is not JSON', async () => {
    api.on('POST', '/chat/completions', reply.sse([{ error: { message: `bad ${KEY}`, code: KEY, param: KEY } }]));
    const first = await caught(async () => {
      for await (const _chunk of mockCore({ apiKey: KEY }).stream('/chat/completions', { body: {} })) { /* read */ }
    });
    expect(everywhere(first)).not.toContain(PREFIX);
    api.on('POST', '/chat/completions', reply.text(`data: ${'y'.repeat(150)} Bearer ${KEY}\n\n`, { contentType: 'text/event-stream' }));
    const second = await caught(async () => {
      for await (const _chunk of mockCore({ apiKey: KEY }).stream('/chat/completions', { body: {} })) { /* read */ }
    });
    expect(second).toMatchObject({ kind: 'invalid_json' });
    expect(everywhere(second)).not.toContain(PREFIX);
  });

  it('keeps the key out of logged and returned headers, sent or received', async () => {
    api.on('GET', '/models/m', reply.json({ id: 'm' }, { headers: { 'x-echo-auth': `Bearer ${KEY}`, 'x-echo-raw': KEY } }));
    const logger = recordingLogger();
    const result = await mockCore({ apiKey: KEY, logger, logLevel: 'debug', defaultHeaders: { 'x-gateway-key': KEY } }).get('/models/m');
    expect(logger.text()).not.toContain(PREFIX);
    expect(everywhere(getResponseMeta(result))).not.toContain(PREFIX);
    expect(api.calls[0]!.headers.get('x-gateway-key')).toBe(KEY); // sent as given
  });

  it.each([
    ['a newline', `${KEY}\nsecond-line`],
    ['a NUL', `${KEY}\u0000`],
    ['a zero-width space', `sk-abc\u200Bdef`],
  ])('refuses an ApiKey object holding %s at construction, without echoing it', (_what, raw) => {
    let error: unknown;
    try {
      createOpenAICore({ apiKey: new ApiKey(raw), baseUrl: 'http://127.0.0.1:9/v1' });
    } catch (thrown) {
      error = thrown;
    }
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(everywhere(error)).not.toContain(raw.slice(0, 20));
  });

  it('refuses an empty ApiKey object as a missing key', () => {
    expect(() => createOpenAICore({ apiKey: new ApiKey(''), baseUrl: 'http://127.0.0.1:9/v1' })).toThrow(/No API key/);
  });
});
