import { reply, useMockApi } from '@integrations/test-kit';
import { describe, expect, it, vi } from 'vitest';
import { caught, mockCore } from '../../test/helpers.js';
import { METRICS, type Middleware, type Span, type TracingHook } from '../index.js';

const api = useMockApi();

function recordingTracer() {
  const spans: Array<{ name: string; attributes: Record<string, unknown>; parent: string | undefined; ended: boolean; status?: string }> = [];
  const tracing: TracingHook = {
    startSpan(name, { attributes, parent }) {
      const record = { name, attributes: { ...attributes }, parent: (parent as unknown as { name?: string } | undefined)?.name, ended: false, status: undefined as string | undefined };
      spans.push(record);
      const span: Span & { name: string } = {
        name,
        setAttribute: (key, value) => { record.attributes[key] = value; },
        setStatus: (status) => { record.status = status.code; },
        end: () => { record.ended = true; },
      };
      return span;
    },
  };
  return { spans, tracing };
}

describe('middleware', () => {
  it('runs onRequest in order and lets it add headers', async () => {
    api.on('GET', '/models', reply.json({ data: [] }));
    const order: string[] = [];
    const first: Middleware = { onRequest: (request) => { order.push('first'); request.headers.set('x-tenant', 'acme'); } };
    const second: Middleware = { onRequest: async (request) => { order.push(`second saw ${request.headers.get('x-tenant')}`); } };
    await mockCore({ middleware: [first, second] }).get('/models');
    expect(order).toEqual(['first', 'second saw acme']);
    expect(api.calls[0]!.headers.get('x-tenant')).toBe('acme');
  });

  it('never shows the Authorization header to middleware', async () => {
    api.on('GET', '/models', reply.json({ data: [] }));
    let seen: string | null = 'unset';
    await mockCore({ middleware: [{ onRequest: (request) => { seen = request.headers.get('authorization'); } }] }).get('/models');
    expect(seen).toBeNull();
  });

  it('calls onResponse with status, request id and attempts', async () => {
    api.on('GET', '/models', reply.json({ data: [] }, { headers: { 'x-request-id': 'req_mw' } }));
    const onResponse = vi.fn();
    await mockCore({ middleware: [{ onResponse }] }).get('/models');
    expect(onResponse).toHaveBeenCalledWith(expect.objectContaining({ status: 200, requestId: 'req_mw', attempts: 1 }), expect.objectContaining({ method: 'GET' }));
  });

  it('calls onError with the typed error, in order', async () => {
    api.on('GET', '/models', reply.error(503, { message: 'busy' }));
    const seen: string[] = [];
    await caught(() => mockCore({ middleware: [{ onError: (error) => { seen.push(`a:${error.kind}`); } }, { onError: (error) => { seen.push(`b:${error.errorCode}`); } }] }).get('/models'));
    expect(seen).toEqual(['a:service_unavailable', 'b:OPENAI_SERVICE_UNAVAILABLE']);
  });
});

describe('metrics, tracing and deprecation hooks', () => {
  it('counts requests, duration and tokens with endpoint labels', async () => {
    api.on('POST', '/chat/completions', reply.json({ usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 } }));
    const incrementCounter = vi.fn();
    const recordHistogram = vi.fn();
    await mockCore({ hooks: { metrics: { incrementCounter, recordHistogram } } }).post('/chat/completions', { body: { model: 'gpt-4o' } });
    expect(incrementCounter).toHaveBeenCalledWith(METRICS.requests, 1, expect.objectContaining({ method: 'POST', endpoint: '/chat/completions', model: 'gpt-4o', status: '200' }));
    expect(incrementCounter).toHaveBeenCalledWith(METRICS.tokens, 12, expect.objectContaining({ type: 'prompt' }));
    expect(incrementCounter).toHaveBeenCalledWith(METRICS.tokens, 5, expect.objectContaining({ type: 'completion' }));
    expect(recordHistogram).toHaveBeenCalledWith(METRICS.duration, expect.any(Number), expect.objectContaining({ endpoint: '/chat/completions' }));
  });

  it('counts errors by category and kind, and 429s as rate-limit hits', async () => {
    api.on('POST', '/chat/completions', reply.error(429, { message: 'slow' }));
    const incrementCounter = vi.fn();
    await caught(() => mockCore({ hooks: { metrics: { incrementCounter, recordHistogram: vi.fn() } } }).post('/chat/completions', { body: {} }));
    expect(incrementCounter).toHaveBeenCalledWith(METRICS.errors, 1, expect.objectContaining({ category: 'rate_limit', kind: 'too_many_requests' }));
    expect(incrementCounter).toHaveBeenCalledWith(METRICS.rateLimitHits, 1, expect.any(Object));
  });

  it('counts streamed chunks', async () => {
    api.on('POST', '/chat/completions', reply.sse([{ n: 1 }, { n: 2 }, { n: 3 }]));
    const incrementCounter = vi.fn();
    for await (const _chunk of mockCore({ hooks: { metrics: { incrementCounter, recordHistogram: vi.fn() } } }).stream('/chat/completions', { body: {} })) { /* drain */ }
    expect(incrementCounter.mock.calls.filter(([name]) => name === METRICS.streamChunks)).toHaveLength(3);
  });

  it('opens openai.request with an openai.http_request child per attempt, and ends both', async () => {
    api.on('GET', '/models', reply.json({ data: [] }, { headers: { 'x-request-id': 'req_span' } }));
    const { spans, tracing } = recordingTracer();
    await mockCore({ hooks: { tracing } }).get('/models');
    expect(spans.map((span) => [span.name, span.parent])).toEqual([['openai.request', undefined], ['openai.http_request', 'openai.request']]);
    expect(spans.every((span) => span.ended)).toBe(true);
    expect(spans[1]!.attributes).toMatchObject({ 'openai.attempt': 1, 'http.response.status_code': 200, 'openai.request_id': 'req_span' });
    expect(spans[0]!.status).toBe('ok');
  });

  it('keeps working when a hook throws', async () => {
    api.on('GET', '/models', reply.json({ data: ['ok'] }));
    const broken = { incrementCounter: () => { throw new Error('metrics backend down'); }, recordHistogram: () => { throw new Error('down'); } };
    const warn = vi.fn();
    const result = await mockCore({ hooks: { metrics: broken }, logger: { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() }, logLevel: 'warn' }).get<{ data: string[] }>('/models');
    expect(result.data).toEqual(['ok']);
    expect(warn).toHaveBeenCalled();
  });

  it('tells the deprecation hook once per deprecated endpoint', async () => {
    api.on('POST', '/completions', reply.json({ id: 'x' }));
    const onDeprecation = vi.fn();
    const core = mockCore({ hooks: { deprecation: { onDeprecation } } });
    await core.post('/completions', { body: {}, deprecated: 'Use /chat/completions.' });
    await core.post('/completions', { body: {}, deprecated: 'Use /chat/completions.' });
    expect(onDeprecation).toHaveBeenCalledTimes(1);
    expect(onDeprecation).toHaveBeenCalledWith({ feature: 'POST /completions', message: 'Use /chat/completions.' });
  });
});
