/**
 * A deprecated call is logged at warn level and told to the deprecation hook, once per feature;
 * a missing or broken hook changes nothing else.
 */
import { describe, expect, it, vi } from 'vitest';
import { mockCore } from '../../test/helpers.js';
import type { ClientHooks, Logger, Transport } from '../index.js';

const transport: Transport = { send: async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }) };

function setup(hooks: ClientHooks = {}) {
  const warn = vi.fn<Logger['warn']>();
  const logger: Logger = { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() };
  return { warn, core: mockCore({ transport, hooks, logger, logLevel: 'warn' }) };
}

describe('deprecation notices', () => {
  it('logs a deprecated endpoint with its method and path template', async () => {
    const { warn, core } = setup();
    await core.get('/engines/{engine_id}', { pathParams: { engine_id: 'davinci' }, deprecated: 'Use /models.' });
    expect(warn.mock.calls).toEqual([['Deprecated: GET /engines/{engine_id}: Use /models.']]);
  });

  it('passes a named feature to the hook as given', async () => {
    const onDeprecation = vi.fn();
    const { warn, core } = setup({ deprecation: { onDeprecation } });
    const notice = { feature: 'functions parameter', message: 'Use tools.' };
    await core.post('/chat/completions', { body: {}, deprecated: notice });
    expect(onDeprecation.mock.calls).toEqual([[notice]]);
    expect(warn.mock.calls).toEqual([['Deprecated: functions parameter: Use tools.']]);
  });

  it('logs a hook that throws as a deprecation hook, and still completes the call', async () => {
    const failure = new Error('pager down');
    const { warn, core } = setup({ deprecation: { onDeprecation: () => { throw failure; } } });
    await expect(core.get('/engines', { deprecated: 'Use /models.' })).resolves.toEqual({});
    expect(warn.mock.calls.map(([message]) => message)).toEqual(['Deprecated: GET /engines: Use /models.', 'A deprecation hook threw; ignoring it.']);
  });

  it('logs only the notice when no deprecation hook is set', async () => {
    const { warn, core } = setup({ metrics: { incrementCounter: vi.fn(), recordHistogram: vi.fn() } });
    await core.get('/engines', { deprecated: 'Use /models.' });
    expect(warn.mock.calls).toEqual([['Deprecated: GET /engines: Use /models.']]);
  });
});
