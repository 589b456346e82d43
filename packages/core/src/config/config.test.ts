import { describe, expect, it, vi } from 'vitest';
import { ApiKey } from './api-key.js';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, resolveConfig } from './config.js';
import { ConfigurationError } from '../errors/errors.js';

function configError(options: Parameters<typeof resolveConfig>[0]): ConfigurationError {
  try {
    resolveConfig(options);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('configuration', () => {
  it('reads the key, organization, project and base URL from the environment', () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env');
    vi.stubEnv('OPENAI_ORG_ID', 'org-env');
    vi.stubEnv('OPENAI_PROJECT_ID', 'proj-env');
    vi.stubEnv('OPENAI_BASE_URL', 'https://proxy.example.com/openai/v1/');
    const config = resolveConfig();
    expect(config.apiKey.reveal()).toBe('sk-env');
    expect(config).toMatchObject({ organizationId: 'org-env', projectId: 'proj-env', baseUrl: 'https://proxy.example.com/openai/v1' });
  });

  it('prefers explicit options over the environment', () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env');
    vi.stubEnv('OPENAI_ORG_ID', 'org-env');
    const config = resolveConfig({ apiKey: 'sk-option', organizationId: 'org-option' });
    expect(config.apiKey.reveal()).toBe('sk-option');
    expect(config.organizationId).toBe('org-option');
  });

  it('uses the documented defaults', () => {
    vi.stubEnv('OPENAI_BASE_URL', '');
    const config = resolveConfig({ apiKey: 'sk-x' });
    expect(config.baseUrl).toBe(DEFAULT_BASE_URL);
    expect(config.timeout).toBe(DEFAULT_TIMEOUT_MS);
    expect(config.maxRetries).toBe(3);
  });

  it('accepts an ApiKey object as is', () => {
    const key = new ApiKey('sk-object');
    expect(resolveConfig({ apiKey: key }).apiKey).toBe(key);
  });

  it('says how to fix a missing key', () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    const error = configError({});
    expect(error.kind).toBe('missing_api_key');
    expect(error.message).toContain('OPENAI_API_KEY');
  });

  it('refuses a key with a newline (header injection) without echoing it', () => {
    const error = configError({ apiKey: 'sk-abc\nx-evil: 1' });
    expect(error.kind).toBe('invalid_option');
    expect(error.message).not.toContain('sk-abc');
  });

  it.each(['not a url', 'ftp://files.example.com', 'https://user:pass@example.com/v1'])('refuses the base URL %s', (baseUrl) => {
    expect(configError({ apiKey: 'sk-x', baseUrl }).kind).toBe('invalid_base_url');
  });

  it('refuses http:// for a host that is not loopback', () => {
    const error = configError({ apiKey: 'sk-x', baseUrl: 'http://api.example.com/v1' });
    expect(error.kind).toBe('insecure_base_url');
    expect(error.message).toContain('allowInsecureHttp');
  });

  it('allows http:// for loopback, or when allowInsecureHttp is set', () => {
    for (const baseUrl of ['http://127.0.0.1:8080/v1', 'http://localhost:3000/v1', 'http://[::1]:9000/v1']) {
      expect(resolveConfig({ apiKey: 'sk-x', baseUrl }).baseUrl).toBe(baseUrl);
    }
    expect(resolveConfig({ apiKey: 'sk-x', baseUrl: 'http://10.0.0.5/v1', allowInsecureHttp: true }).baseUrl).toBe('http://10.0.0.5/v1');
  });

  it.each([
    [{ timeout: -1 }, 'timeout'],
    [{ timeout: 0 }, 'timeout'],
    [{ timeout: Number.NaN }, 'timeout'],
    [{ maxRetries: -1 }, 'maxRetries'],
    [{ maxRetries: 1.5 }, 'maxRetries'],
  ])('refuses %o', (options, name) => {
    const error = configError({ apiKey: 'sk-x', ...options });
    expect(error.kind).toBe('invalid_option');
    expect(error.message).toContain(name);
  });
});

describe('baseUrl with a query or a fragment', () => {
  it.each(['http://127.0.0.1:9/v1#', 'http://127.0.0.1:9/v1?api-version=2024-10-01', 'https://example.com/v1?'])('refuses %s, pointing at defaultQuery', (baseUrl) => {
    expect(() => resolveConfig({ apiKey: 'sk-test', baseUrl })).toThrow(/defaultQuery/);
  });
});
