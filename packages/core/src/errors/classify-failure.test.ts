import { describe, expect, it } from 'vitest';
import { classifyFailure } from './classify-failure.js';

/** What Node's built-in fetch throws when its own undici timer fires. */
function undiciFailure(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('Headers Timeout Error'), { code }) });
}

describe('classifyFailure', () => {
  it.each(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT'])('reports undici %s as a timeout, not a connection failure', (code) => {
    const error = classifyFailure(undiciFailure(code), { phase: 'send', host: 'api.example' });
    expect(error).toMatchObject({ category: 'network', kind: 'timeout', timeoutKind: 'request', retryable: true });
    expect(error.message).toContain(code);
  });

  it('still reports a refused connection as connection_failed', () => {
    expect(classifyFailure(undiciFailure('ECONNREFUSED'), { phase: 'send' })).toMatchObject({ kind: 'connection_failed' });
  });
});
