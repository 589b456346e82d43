import { describe, expect, it, vi } from 'vitest';
import { createFetchTransport } from './transport.js';

function request(body: BodyInit | null) {
  return { url: 'https://api.example/v1/files', method: 'POST', headers: new Headers(), body, signal: new AbortController().signal };
}

describe('fetch transport', () => {
  it('sends a buffered body as it is: redirects followed, no half-duplex mode', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response('{}'));
    await createFetchTransport(fetch).send(request('{"a":1}'));
    const init = fetch.mock.calls[0]![1] as RequestInit & { duplex?: string };
    expect(init.duplex).toBeUndefined();
    expect(init.redirect).toBeUndefined();
  });

  it('sends a streamed body half-duplex and refuses to follow a redirect with it', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response('{}'));
    await createFetchTransport(fetch).send(request(new ReadableStream()));
    expect(fetch.mock.calls[0]![1]).toMatchObject({ duplex: 'half', redirect: 'error' });
  });
});
