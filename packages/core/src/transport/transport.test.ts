import { describe, expect, it, vi } from 'vitest';
import { TEST_API_KEY } from '../../test/helpers.js';
import { createOpenAICore, type Transport } from '../index.js';

describe('transport', () => {
  it('uses an injected fetch with the built URL, headers, body and signal', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response(JSON.stringify({ ok: true }), { headers: { 'content-type': 'application/json' } }));
    const core = createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: 'https://gateway.example.com/v1', fetch, logLevel: 'off' });
    await expect(core.post('/embeddings', { body: { input: 'x' } })).resolves.toEqual({ ok: true });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://gateway.example.com/v1/embeddings');
    expect(init).toMatchObject({ method: 'POST', body: '{"input":"x"}' });
    expect(new Headers(init!.headers).get('authorization')).toBe(`Bearer ${TEST_API_KEY}`);
    expect(init!.signal).toBeInstanceOf(AbortSignal);
  });

  it('sends a streamed body in half-duplex mode, as fetch requires', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json({ id: 'file-1' }));
    const core = createOpenAICore({ apiKey: TEST_API_KEY, fetch, logLevel: 'off' });
    await core.postMultipart('/files', { body: { purpose: 'batch', file: new Blob(['{}']) } });
    expect(fetch.mock.calls[0]![1]).toMatchObject({ duplex: 'half' });
    expect(fetch.mock.calls[0]![1]!.body).toBeInstanceOf(ReadableStream);
  });

  it('routes through a custom transport instead of fetch', async () => {
    vi.stubEnv('OPENAI_BASE_URL', '');
    const send = vi.fn<Transport['send']>(async () => Response.json({ data: [] }));
    const fetch = vi.fn<typeof globalThis.fetch>();
    await createOpenAICore({ apiKey: TEST_API_KEY, transport: { send }, fetch, logLevel: 'off' }).get('/models');
    expect(send).toHaveBeenCalledOnce();
    expect(fetch).not.toHaveBeenCalled();
    expect(send.mock.calls[0]![0]).toMatchObject({ method: 'GET', url: 'https://api.openai.com/v1/models', body: null });
  });
});
