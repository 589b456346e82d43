import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEnv } from './env.js';

describe('readEnv', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('treats a variable it may not read (Deno without --allow-env) as unset', () => {
    const env = new Proxy({}, { get: () => { throw new Error('NotCapable: Requires env access'); } });
    vi.stubGlobal('process', { env });
    expect(readEnv('OPENAI_ORG_ID')).toBeUndefined();
  });

  it('reads a set variable, trimmed, and treats an empty one as unset', () => {
    vi.stubGlobal('process', { env: { A: '  value ', B: '' } });
    expect(readEnv('A')).toBe('value');
    expect(readEnv('B')).toBeUndefined();
  });
});
