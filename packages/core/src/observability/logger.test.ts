import { describe, expect, it, vi } from 'vitest';
import { ApiKey } from '../config/api-key.js';
import { createClientLogger, MAX_LOGGED_BODY_CHARS, type Logger } from './logger.js';

function spyLogger() {
  return { debug: vi.fn<Logger['debug']>(), info: vi.fn<Logger['info']>(), warn: vi.fn<Logger['warn']>(), error: vi.fn<Logger['error']>() };
}

const apiKey = new ApiKey('sk-logger-secret');

describe('client logger', () => {
  it('drops lines below the level', () => {
    const sink = spyLogger();
    const log = createClientLogger({ logger: sink, logLevel: 'warn', apiKey });
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(sink.debug).not.toHaveBeenCalled();
    expect(sink.info).not.toHaveBeenCalled();
    expect(sink.warn).toHaveBeenCalledWith('w');
    expect(sink.error).toHaveBeenCalledWith('e');
  });

  it('logs nothing at level off', () => {
    const sink = spyLogger();
    createClientLogger({ logger: sink, logLevel: 'off', apiKey }).error('e');
    expect(sink.error).not.toHaveBeenCalled();
  });

  it('takes the level from OPENAI_LOG when no option is given', () => {
    vi.stubEnv('OPENAI_LOG', 'debug');
    const sink = spyLogger();
    createClientLogger({ logger: sink, apiKey }).debug('d');
    expect(sink.debug).toHaveBeenCalled();
  });

  it('redacts sensitive headers, the key anywhere, and truncates bodies', () => {
    const sink = spyLogger();
    const log = createClientLogger({ logger: sink, logLevel: 'debug', apiKey });
    log.debug('request sk-logger-secret', { headers: { Authorization: 'Bearer x', 'OpenAI-Project': 'p', accept: 'json' }, body: 'y'.repeat(5_000), nested: { note: 'sk-logger-secret' } });
    const [message, logged] = sink.debug.mock.calls[0]!;
    const data = logged as { headers: Record<string, string>; body: string; nested: { note: string } };
    expect(message).toBe('request [REDACTED]');
    expect(data.headers).toEqual({ authorization: '[REDACTED]', 'openai-project': '[REDACTED]', accept: 'json' });
    expect(data.body.length).toBeLessThan(MAX_LOGGED_BODY_CHARS + 50);
    expect(data.nested.note).toBe('[REDACTED]');
  });
});
