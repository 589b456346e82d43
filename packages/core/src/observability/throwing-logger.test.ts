import { describe, expect, it } from 'vitest';
import { createOpenAICore } from '../core.js';
import type { Transport } from '../transport/transport.js';

const boom = () => {
  throw new Error('logger boom');
};

/** A core whose logger throws on every line, over a transport answering `status` with `body`. */
function coreAnswering(status: number, body: unknown) {
  const transport: Transport = { send: async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'req_log' } }) };
  return createOpenAICore({ apiKey: 'sk-logger-boom', baseUrl: 'http://127.0.0.1:9/v1', logLevel: 'debug', logger: { debug: boom, info: boom, warn: boom, error: boom }, maxRetries: 0, transport });
}

describe('a logger that throws', () => {
  it('does not turn a successful call into its error', async () => {
    await expect(coreAnswering(200, { ok: 1 }).get('/things')).resolves.toEqual({ ok: 1 });
  });

  it('does not replace a failed call typed error with its own', async () => {
    await expect(coreAnswering(400, { error: { message: 'no', type: 'invalid_request_error' } }).get('/things')).rejects.toMatchObject({ status: 400, requestId: 'req_log', type: 'invalid_request_error' });
  });

  it('does not break a stream', async () => {
    const transport: Transport = { send: async () => new Response('data: {"n":1}\n\ndata: [DONE]\n\n', { headers: { 'content-type': 'text/event-stream' } }) };
    const core = createOpenAICore({ apiKey: 'sk-logger-boom', baseUrl: 'http://127.0.0.1:9/v1', logLevel: 'debug', logger: { debug: boom, info: boom, warn: boom, error: boom }, transport });
    const items: unknown[] = [];
    for await (const item of core.stream('/chat/completions', { body: {} })) items.push(item);
    expect(items).toEqual([{ n: 1 }]);
  });

  it('that is async and rejects leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const reject = async () => {
        throw new Error('async logger boom');
      };
      const transport: Transport = { send: async () => new Response('{"ok":1}', { headers: { 'content-type': 'application/json' } }) };
      const core = createOpenAICore({ apiKey: 'sk-logger-boom', baseUrl: 'http://127.0.0.1:9/v1', logLevel: 'debug', logger: { debug: reject, info: reject, warn: reject, error: reject }, transport });
      await expect(core.get('/things')).resolves.toEqual({ ok: 1 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
