/** A call's log lines on a client without metrics or tracing hooks (the default). */
import { reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { caught, mockCore, recordingLogger } from '../../test/helpers.js';

const api = useMockApi();

describe('call log lines without metrics or tracing hooks', () => {
  it('logs the request and the response at debug level', async () => {
    api.on('POST', '/chat/completions', reply.json({ id: 'x' }, { headers: { 'x-request-id': 'req_log' } }));
    const logger = recordingLogger();
    await mockCore({ logger, logLevel: 'debug' }).post('/chat/completions', { body: { model: 'm' } });
    const calls = logger.lines.filter((line) => /^[→←✗]/.test(line.message));
    expect(calls.map((line) => [line.level, line.message.replace(/ in \d+ ms$/, ' in N ms')])).toEqual([
      ['debug', '→ POST /v1/chat/completions'],
      ['debug', '← 200 POST /v1/chat/completions in N ms'],
    ]);
    expect(calls[1]!.data).toMatchObject({ requestId: 'req_log', attempts: 1, headers: { 'x-request-id': 'req_log' } });
  });

  it('logs a failed call at info level, with its error fields', async () => {
    api.on('POST', '/chat/completions', reply.error(404, { message: 'No such model', code: 'model_not_found' }));
    const logger = recordingLogger();
    const error = await caught(() => mockCore({ logger, logLevel: 'debug' }).post('/chat/completions', { body: { model: 'm' } }));
    const failed = logger.lines.find((line) => line.message.startsWith('✗'));
    expect(failed?.level).toBe('info');
    expect(failed?.message).toBe(`✗ POST /v1/chat/completions: ${error.message}`);
    expect(failed?.data).toMatchObject({ code: 'model_not_found', attempts: 1 });
  });
});
