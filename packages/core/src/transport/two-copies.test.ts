/**
 * Two copies of core in one process (a CommonJS and an ESM consumer load two) still agree:
 * response metadata attached by one is read by the other, and a key made by one is accepted
 * by the other. `vi.resetModules()` loads a second, separate copy of the same modules.
 */
import { describe, expect, it, vi } from 'vitest';
import { ApiKey } from '../config/api-key.js';
import { resolveConfig } from '../config/config.js';
import { attachResponseMeta, getResponseMeta, type ResponseMeta } from './response-meta.js';

const meta: ResponseMeta = { requestId: 'req_1', status: 200, headers: {}, rateLimit: {}, attempts: 1, durationMs: 5 };

describe('two installed copies of core', () => {
  it('reads response metadata attached by the other copy', async () => {
    vi.resetModules();
    const other = await import('./response-meta.js');
    expect(other.getResponseMeta).not.toBe(getResponseMeta);
    const result = other.attachResponseMeta({ id: 'x' }, meta);
    expect(getResponseMeta(result)).toEqual(meta);
    expect(other.getResponseMeta(attachResponseMeta({ id: 'y' }, meta))).toEqual(meta);
  });

  it("accepts the other copy's ApiKey, and keeps it secret", async () => {
    vi.resetModules();
    const other = await import('../config/api-key.js');
    expect(other.ApiKey).not.toBe(ApiKey);
    const key = new other.ApiKey('sk-from-the-other-copy');
    const config = resolveConfig({ apiKey: key as unknown as ApiKey, baseUrl: 'http://127.0.0.1:1/v1' });
    expect(config.apiKey.reveal()).toBe('sk-from-the-other-copy');
    expect(JSON.stringify(config)).not.toContain('sk-from');
    expect(ApiKey.isInstance({ reveal: () => 'fake' })).toBe(false);
  });
});
