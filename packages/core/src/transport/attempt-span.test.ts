/**
 * A failed attempt closes its `openai.http_request` span with an error status, the HTTP status
 * it got, and the error recorded.
 */
import { describe, expect, it } from 'vitest';
import { caught, mockCore } from '../../test/helpers.js';
import type { Span, TracingHook, Transport } from '../index.js';

interface RecordedSpan {
  name: string;
  attributes: Record<string, unknown>;
  status?: { code: string; message?: string };
  exceptions: unknown[];
  ended: boolean;
}

function recordingTracer() {
  const spans: RecordedSpan[] = [];
  const tracing: TracingHook = {
    startSpan(name, { attributes }) {
      const record: RecordedSpan = { name, attributes: { ...attributes }, exceptions: [], ended: false };
      spans.push(record);
      const span: Span = {
        setAttribute: (key, value) => void (record.attributes[key] = value),
        setStatus: (status) => void (record.status = status),
        recordException: (error) => void record.exceptions.push(error),
        end: () => void (record.ended = true),
      };
      return span;
    },
  };
  return { spans, tracing };
}

describe('the span of a failed attempt', () => {
  it('ends with an error status naming the kind, the status code and the error', async () => {
    const transport: Transport = { send: async () => new Response('{"error":{"message":"down"}}', { status: 503, headers: { 'content-type': 'application/json' } }) };
    const { spans, tracing } = recordingTracer();
    const error = await caught(() => mockCore({ transport, hooks: { tracing } }).get('/models'));
    const attempt = spans.find((span) => span.name === 'openai.http_request')!;
    expect(attempt).toMatchObject({ ended: true, status: { code: 'error', message: 'service_unavailable' }, attributes: { 'http.response.status_code': 503, 'openai.attempt': 1 } });
    expect(attempt.exceptions).toEqual([error]);
  });

  it('ends without a status code when nothing was answered', async () => {
    const transport: Transport = { send: async () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })) };
    const { spans, tracing } = recordingTracer();
    const error = await caught(() => mockCore({ transport, hooks: { tracing } }).get('/models'));
    const attempt = spans.find((span) => span.name === 'openai.http_request')!;
    expect(attempt).toMatchObject({ ended: true, status: { code: 'error', message: 'connection_failed' } });
    expect(attempt.attributes).not.toHaveProperty('http.response.status_code');
    expect(attempt.exceptions).toEqual([error]);
  });
});
