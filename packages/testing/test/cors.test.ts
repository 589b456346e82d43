// A page on another origin must reach the mock like the real API: preflights answered before
// auth (a preflight never carries Authorization), and the headers the client reads exposed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockOpenAI, startMockServer, type MockServer } from '../src/index.js';

const origin = 'http://127.0.0.1:9';
const preflight = { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' };

let server: MockServer;
beforeAll(async () => (server = await startMockServer()));
afterAll(() => server.close());

describe('mock server: CORS', () => {
  it('answers a preflight with 204 and the allow headers, not a 401, without recording it', async () => {
    const response = await fetch(`${server.baseUrl}/chat/completions`, { method: 'OPTIONS', headers: preflight });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(0);
  });

  it('is not consumed by a queued fault', async () => {
    server.faults.next({ status: 429, headers: { 'retry-after-ms': '5' } });
    expect((await fetch(`${server.baseUrl}/chat/completions`, { method: 'OPTIONS', headers: preflight })).status).toBe(204);
    const response = await fetch(`${server.baseUrl}/chat/completions`, { method: 'POST', headers: { origin, authorization: 'Bearer sk-test' }, body: '{}' });
    expect(response.status).toBe(429);
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after-ms');
    server.reset();
  });

  it('lets a page read x-request-id and the rate-limit headers of a normal answer', async () => {
    const response = await fetch(`${server.baseUrl}/models`, { headers: { origin, authorization: 'Bearer sk-test' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    const exposed = response.headers.get('access-control-expose-headers')!.split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['x-request-id', 'retry-after', 'x-ratelimit-remaining-requests', 'openai-processing-ms']));
    server.reset();
  });

  it('adds the headers to errors too, so a page can read a 401', async () => {
    const response = await fetch(`${server.baseUrl}/models`);
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    server.reset();
  });

  it('answers alike in the engine the msw handlers use', async () => {
    const mock = createMockOpenAI();
    const response = await mock.handle(new Request('https://api.openai.com/v1/embeddings', { method: 'OPTIONS', headers: preflight }));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  });
});
