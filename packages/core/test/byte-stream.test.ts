/**
 * `core.byteStream` hands a body over as it arrives (audio, a file's content) and
 * `core.stream(..., { multipart: true })` sends an upload answered with events: both on the
 * client's one pipeline (retries, breaker, limiter), over a real socket.
 */
import { drainRequest, startLoopbackServer, type LoopbackServer } from '@integrations/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAICore, getResponseMeta, NetworkError, RequestError } from '../src/index.js';
import { caught, TEST_API_KEY } from './helpers.js';

let server: LoopbackServer | undefined;
afterEach(async () => server?.close());

const core = (options = {}) => createOpenAICore({ apiKey: TEST_API_KEY, baseUrl: server!.baseUrl, logLevel: 'off', maxRetries: 1, retry: { initialBackoffMs: 1 }, ...options });

describe('core.byteStream', () => {
  it('yields the first chunk before the body is complete, with metadata and the declared Accept', async () => {
    let finish!: () => void;
    let accept: string | undefined;
    let encoding: string | undefined;
    server = await startLoopbackServer((request, response) => {
      accept = request.headers.accept;
      encoding = request.headers['accept-encoding'];
      response.writeHead(200, { 'content-type': 'audio/wav', 'x-request-id': 'req_bytes' });
      response.write('RIFF');
      finish = () => response.end('DATA');
    });
    const stream = core().byteStream('/audio/speech', { body: { input: 'hi' }, accept: 'audio/*' });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('RIFF'); // the server has not finished
    finish();
    const rest = await reader.read();
    expect(new TextDecoder().decode(rest.value)).toBe('DATA');
    expect((await reader.read()).done).toBe(true);
    expect(accept).toBe('audio/*');
    expect(encoding).toBe('identity'); // fetch would take a truncated gzip body as a clean end
    expect((await stream.responseMeta).requestId).toBe('req_bytes');
    expect(getResponseMeta(stream)?.status).toBe(200);
  });

  it('retries an error status before the body, and types it when retries run out', async () => {
    let requests = 0;
    server = await startLoopbackServer((_request, response) => {
      requests++;
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'busy' } }));
    });
    const error = await caught(() => core().byteStream('/files/{file_id}/content', { pathParams: { file_id: 'file-1' } }).getReader().read());
    expect(error).toMatchObject({ kind: 'service_unavailable', attempts: 2 });
    expect(requests).toBe(2);
  });

  it('ends with kind aborted and frees the socket when aborted mid-body', async () => {
    let closed!: () => void;
    const serverSawClose = new Promise<void>((resolve) => (closed = resolve));
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.write('part');
      response.on('close', () => closed());
    });
    const stream = core().byteStream('/files/{file_id}/content', { pathParams: { file_id: 'f' } });
    const reader = stream.getReader();
    await reader.read();
    stream.abort();
    const error = await caught<RequestError>(() => reader.read());
    expect(error).toMatchObject({ kind: 'aborted' });
    await serverSawClose;
  });

  it('ends a stalled body with a typed stream_idle timeout', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.write('part'); // then nothing
    });
    const reader = core({ streamIdleTimeout: 150 }).byteStream('/files/{file_id}/content', { pathParams: { file_id: 'f' } }).getReader();
    await reader.read();
    const error = await caught<NetworkError>(() => reader.read());
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
  });

  it('refuses a bad path id on the first read, sending nothing', async () => {
    server = await startLoopbackServer((_request, response) => { response.end(); });
    const stream = core().byteStream('/files/{file_id}/content', { pathParams: { file_id: '..' } });
    expect(await caught(() => stream.getReader().read())).toMatchObject({ kind: 'validation' });
    expect(server.requestCount).toBe(0);
  });
});

describe('core.stream with a multipart body', () => {
  it('uploads the form and reads the events', async () => {
    let contentType: string | undefined;
    let received = 0;
    server = await startLoopbackServer(async (request, response) => {
      contentType = request.headers['content-type'];
      received = await drainRequest(request);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end('data: {"type":"transcript.text.delta","delta":"hi"}\n\ndata: {"type":"transcript.text.done","text":"hi"}\n\n');
    });
    const events: unknown[] = [];
    const stream = core().stream<{ type: string }>('/audio/transcriptions', { body: { model: 'gpt-4o-transcribe', stream: 'true', file: new Blob([new Uint8Array(1000)]) }, multipart: true, terminal: 'eof' });
    for await (const event of stream) events.push(event.type);
    expect(events).toEqual(['transcript.text.delta', 'transcript.text.done']);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(received).toBeGreaterThan(1000);
  });
});
