import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockHandlers } from '../src/msw.js';
import { MAX_EMBEDDING_INPUTS, mockEmbedding, startMockServer, type MockOpenAI, type MockServer } from '../src/index.js';

let server: MockServer;
beforeAll(async () => (server = await startMockServer()));
afterEach(() => server.reset());
afterAll(() => server.close());

const auth = { authorization: 'Bearer sk-test', 'content-type': 'application/json' };
const post = (base: string, path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });

async function sseEvents(response: Response): Promise<unknown[]> {
  const text = await response.text();
  return text.split('\n\n').filter(Boolean).map((frame) => frame.replace(/^data: /, '')).map((data) => (data === '[DONE]' ? data : JSON.parse(data)));
}

describe('mock server: chat', () => {
  it('answers deterministically, echoing the last user message', async () => {
    const response = await post(server.baseUrl, '/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'ping' }] });
    const completion = await response.json();
    expect(response.headers.get('x-request-id')).toBe('req_mock_0');
    expect(completion).toMatchObject({ object: 'chat.completion', model: 'gpt-4o', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'You said: ping' } }] });
    expect(completion.usage.total_tokens).toBe(completion.usage.prompt_tokens + completion.usage.completion_tokens);
  });

  it('uses scripted replies in order, then falls back to the default', async () => {
    server.chat.reply('first', { refusal: 'I cannot help with that.' });
    const answers = [];
    for (let index = 0; index < 3; index++) answers.push((await (await post(server.baseUrl, '/chat/completions', { messages: [{ role: 'user', content: 'x' }] })).json()).choices[0].message);
    expect(answers.map((message) => [message.content, message.refusal])).toEqual([['first', null], [null, 'I cannot help with that.'], ['You said: x', null]]);
  });

  it('answers a json_schema response format with JSON matching the schema', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' }, population: { type: 'integer' }, tags: { type: 'array', items: { type: 'string', enum: ['big'] } } } };
    const response = await post(server.baseUrl, '/chat/completions', { messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_schema', json_schema: { name: 'c', schema } } });
    expect(JSON.parse((await response.json()).choices[0].message.content)).toEqual({ city: 'example', population: 1, tags: ['big'] });
  });

  it('streams realistic chunks with tool calls in pieces, a finish reason, usage and [DONE]', async () => {
    server.chat.reply({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }, { name: 'get_time', arguments: { zone: 'CET' } }] });
    const events = await sseEvents(await post(server.baseUrl, '/chat/completions', { stream: true, stream_options: { include_usage: true }, messages: [] }));
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1) as Array<{ choices: Array<{ delta: { tool_calls?: Array<{ index: number; function?: { arguments?: string } }> }; finish_reason: string | null }>; usage?: unknown }>;
    const args = ['', ''];
    for (const chunk of chunks) for (const call of chunk.choices[0]?.delta.tool_calls ?? []) args[call.index] += call.function?.arguments ?? '';
    expect(args.map((text) => JSON.parse(text))).toEqual([{ city: 'Paris' }, { zone: 'CET' }]);
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.tool_calls).length).toBeGreaterThan(4);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('tool_calls');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });
  });

  it('refuses a request without an API key, like the API', async () => {
    const response = await fetch(`${server.baseUrl}/models`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('invalid_api_key');
  });
});

describe('mock server: embeddings, moderations, models', () => {
  it('returns deterministic unit vectors, equal as floats and as base64', async () => {
    const floats = await (await post(server.baseUrl, '/embeddings', { model: 'text-embedding-3-small', input: ['a', 'b'], dimensions: 8 })).json();
    const base64 = await (await post(server.baseUrl, '/embeddings', { model: 'text-embedding-3-small', input: ['a', 'b'], dimensions: 8, encoding_format: 'base64' })).json();
    expect(floats.data[0].embedding).toEqual(Array.from(mockEmbedding('a', 8)));
    const decoded = new Float32Array(Uint8Array.from(atob(base64.data[1].embedding), (char) => char.charCodeAt(0)).buffer);
    expect(Array.from(decoded)).toEqual(floats.data[1].embedding);
    expect(Math.hypot(...floats.data[0].embedding)).toBeCloseTo(1, 5);
  });

  it('enforces the per-request input limit', async () => {
    const response = await post(server.baseUrl, '/embeddings', { model: 'm', input: Array.from({ length: MAX_EMBEDDING_INPUTS + 1 }, (_, index) => `t${index}`) });
    expect(response.status).toBe(400);
  });

  it('flags trigger words and violent images', async () => {
    const result = await (await post(server.baseUrl, '/moderations', { input: ['I will kill it', 'a calm lake'] })).json();
    expect(result.results.map((item: { flagged: boolean }) => item.flagged)).toEqual([true, false]);
    const image = await (await post(server.baseUrl, '/moderations', { input: [{ type: 'image_url', image_url: { url: 'https://x/violent.png' } }, { type: 'text', text: 'hi' }] })).json();
    expect(image.results[0]).toMatchObject({ flagged: true, categories: { violence: true } });
  });

  it('lists, retrieves and deletes models, with 404 and 403 like the API', async () => {
    const get = (path: string, method = 'GET') => fetch(`${server.baseUrl}${path}`, { method, headers: auth });
    expect((await (await get('/models')).json()).data.length).toBeGreaterThan(3);
    expect((await (await get('/models/gpt-4o')).json()).id).toBe('gpt-4o');
    expect((await get('/models/nope')).status).toBe(404);
    expect((await get('/models/gpt-4o', 'DELETE')).status).toBe(403);
    expect(await (await get('/models/ft%3Agpt-4o-mini-2024-07-18%3Aacme%3A%3Amock123', 'DELETE')).json()).toMatchObject({ deleted: true });
  });
});

describe('mock server: faults and records', () => {
  it('applies queued faults in order, with status and headers, then answers normally', async () => {
    server.faults.next({ status: 429, headers: { 'retry-after-ms': '5' }, body: { error: { message: 'slow' } } }, { status: 503 });
    const statuses = [];
    for (let index = 0; index < 3; index++) statuses.push((await fetch(`${server.baseUrl}/models`, { headers: auth })).status);
    expect(statuses).toEqual([429, 503, 200]);
  });

  it('limits a fault to one path', async () => {
    server.faults.next({ path: '/embeddings', status: 500 });
    expect((await fetch(`${server.baseUrl}/models`, { headers: auth })).status).toBe(200);
    expect((await post(server.baseUrl, '/embeddings', { input: 'x' })).status).toBe(500);
  });

  it('resets the connection before headers and in the middle of a body', async () => {
    server.faults.next({ reset: 'before-headers' }, { reset: 'mid-body' });
    await expect(fetch(`${server.baseUrl}/models`, { headers: auth })).rejects.toThrow();
    const response = await fetch(`${server.baseUrl}/models`, { headers: auth });
    await expect(response.text()).rejects.toThrow();
  });

  it('cuts a stream after some events', async () => {
    server.faults.next({ streamCut: 'reset', afterEvents: 2 });
    const response = await post(server.baseUrl, '/chat/completions', { stream: true, messages: [{ role: 'user', content: 'one two three four' }] });
    await expect(response.text()).rejects.toThrow();
  });

  it('stalls until the client gives up, and delays when asked', async () => {
    server.faults.next({ stall: true }, { delayMs: 150 });
    await expect(fetch(`${server.baseUrl}/models`, { headers: auth, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const started = Date.now();
    expect((await fetch(`${server.baseUrl}/models`, { headers: auth })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('records every request with path, query, headers and JSON body', async () => {
    await post(server.baseUrl, '/embeddings?debug=1', { input: 'x', model: 'm' });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/embeddings', query: { debug: '1' }, json: { input: 'x', model: 'm' } });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test');
  });
});

describe('msw handlers', () => {
  const { handlers, mock } = createMockHandlers({ baseUrl: 'https://mock-openai.test/v1' });
  const msw = setupServer(...handlers);
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => (mock as MockOpenAI).reset());
  afterAll(() => msw.close());

  it('answer exactly as the loopback server does', async () => {
    msw.use(http.all(`${server.origin}/*`, () => passthrough()));
    const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'same?' }] };
    const viaMsw = await (await post('https://mock-openai.test/v1', '/chat/completions', body)).json();
    const viaServer = await (await post(server.baseUrl, '/chat/completions', body)).json();
    expect(viaMsw.choices).toEqual(viaServer.choices);
    expect(mock.requests[0]!.path).toBe('/chat/completions');
  });

  it('inject the same faults', async () => {
    mock.faults.next({ status: 503 }, { reset: 'before-headers' });
    expect((await fetch('https://mock-openai.test/v1/models', { headers: auth })).status).toBe(503);
    await expect(fetch('https://mock-openai.test/v1/models', { headers: auth })).rejects.toThrow();
  });
});
