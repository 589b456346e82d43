/** The Response the transport returns behaves as fetch's does, read whole or streamed. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { READ_BODY_CHUNKS } from '@integrations/openai-core';
import { UndiciResponse } from './undici-response.js';

const URL_ = 'http://127.0.0.1:1/v1/models';

function responseOf(...chunks: string[]): UndiciResponse {
  return new UndiciResponse(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), URL_, { status: 200, headers: { 'content-type': 'application/json' } });
}

describe('UndiciResponse', () => {
  it('reads a body whole from its chunks as text, JSON, bytes and a blob', async () => {
    expect(await responseOf('{"a":', '"héllo"}').json()).toEqual({ a: 'héllo' });
    expect(await responseOf('plain ', 'text').text()).toBe('plain text');
    expect(Array.from(await responseOf('ab').bytes())).toEqual([97, 98]);
    const blob = await responseOf('{}').blob();
    expect([blob.type, await blob.text()]).toEqual(['application/json', '{}']);
  });

  it('returns an ArrayBuffer of exactly the body, not a shared pool', async () => {
    const buffer = await responseOf('12', '345').arrayBuffer();
    expect(buffer.byteLength).toBe(5);
  });

  it('is used once read, and refuses a second read', async () => {
    const response = responseOf('{}');
    expect(response.bodyUsed).toBe(false);
    await response.text();
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('has an empty body stream once read whole', async () => {
    const response = responseOf('{}');
    await response.json();
    expect(await response.body.getReader().read()).toEqual({ done: true, value: undefined });
  });

  it('streams its body through `body`, and counts a started read as used', async () => {
    const response = responseOf('one ', 'two');
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (let next = await reader.read(); !next.done; next = await reader.read()) text += decoder.decode(next.value);
    expect(text).toBe('one two');
    expect(response.bodyUsed).toBe(true);
  });

  it('gives the streams of core a chunk reader over the Node stream, and is used once it is taken', async () => {
    const response = responseOf('data: 1', '\n\n');
    const reader = response[READ_BODY_CHUNKS]();
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow('Body has already been read');
    const decoder = new TextDecoder();
    let text = '';
    for (let next = await reader.read(); !next.done; next = await reader.read()) text += decoder.decode(next.value);
    expect(text).toBe('data: 1\n\n');
  });

  it('reads whole a body whose stream was taken but not read', async () => {
    const response = responseOf('{"b":1}');
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(await response.json()).toEqual({ b: 1 });
  });

  it('clones into two readable copies', async () => {
    const response = responseOf('copy');
    const copy = response.clone();
    expect(await Promise.all([response.text(), copy.text()])).toEqual(['copy', 'copy']);
  });

  it('is a Response with the status, headers and URL it was made with', () => {
    const response = responseOf('');
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.ok, response.url, response.headers.get('content-type')]).toEqual([200, true, URL_, 'application/json']);
  });

  it('rejects a read with the error that ended the stream', async () => {
    const failing = new Readable({ read() { this.destroy(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })); } });
    const response = new UndiciResponse(failing, URL_, { status: 200 });
    await expect(response.arrayBuffer()).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
  });
});
