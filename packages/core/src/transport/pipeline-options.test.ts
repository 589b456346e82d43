/**
 * The pipeline (exported to sibling packages through `./internal`) checks per-call options
 * itself, so a caller that skips core's verbs still gets a typed error and nothing is sent.
 */
import { describe, expect, it, vi } from 'vitest';
import { ConfigurationError, resolveConfig, type Transport } from '../index.js';
import { createClientLogger, createPipeline, singleAttemptPolicy } from '../internal.js';

function pipeline() {
  const send = vi.fn<Transport['send']>(async () => new Response('{}', { status: 200 }));
  const config = resolveConfig({ apiKey: 'sk-test-pipeline', baseUrl: 'https://api.example.test/v1', maxRetries: 0, circuitBreaker: false });
  const logger = createClientLogger({ logLevel: 'off', apiKey: config.apiKey });
  const execute = createPipeline({ config, transport: { send }, logger, policy: singleAttemptPolicy });
  return { send, execute };
}

describe('the pipeline checks per-call options', () => {
  it('refuses an unknown option, naming the closest known one, before sending', async () => {
    const { send, execute } = pipeline();
    const error = await execute({ method: 'GET', path: '/models' }, { timout: 5 } as never, async () => null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ kind: 'invalid_option', message: expect.stringContaining('timeout') });
    expect(send).not.toHaveBeenCalled();
  });

  it('runs a call with good options', async () => {
    const { send, execute } = pipeline();
    await expect(execute({ method: 'GET', path: '/models' }, { timeout: 5_000 }, async () => 'parsed')).resolves.toMatchObject({ value: 'parsed' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
