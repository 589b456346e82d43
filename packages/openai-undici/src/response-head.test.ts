/** The request line and the response head as a user of the transport sees them, fetch's way. */
import type { TransportRequest } from '@integrations/openai-core';
import { startLoopbackServer, type LoopbackServer } from '@integrations/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { undiciTransport, type UndiciTransport } from './index.js';

let server: LoopbackServer | undefined;
let transport: UndiciTransport | undefined;
afterEach(async () => {
  await Promise.all([server?.close(), transport?.close()]);
  server = undefined;
  transport = undefined;
});

function request(url: string): TransportRequest {
  return { url, method: 'GET', headers: new Headers(), body: null, signal: new AbortController().signal };
}

describe('undiciTransport response heads', () => {
  it('keeps single and repeated response headers as fetch shows them', async () => {
    server = await startLoopbackServer((_incoming, outgoing) => {
      outgoing.setHeader('x-request-id', 'req_1');
      outgoing.setHeader('set-cookie', ['a=1', 'b=2']);
      outgoing.setHeader('x-multi', ['one', 'two']);
      outgoing.end('{}');
    });
    transport = undiciTransport();
    const response = await transport.send(request(`${server.baseUrl}/models`));
    await response.text();
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('x-multi')).toBe('one, two');
  });

  it('keeps a response header named __proto__', async () => {
    server = await startLoopbackServer((_incoming, outgoing) => {
      outgoing.setHeader('__proto__', 'kept');
      outgoing.end('{}');
    });
    transport = undiciTransport();
    const response = await transport.send(request(`${server.baseUrl}/models`));
    await response.text();
    expect(response.headers.get('__proto__')).toBe('kept');
  });

  it('sends the path and query of each URL, never its fragment, again and again', async () => {
    const seen: Array<string | undefined> = [];
    server = await startLoopbackServer((incoming, outgoing) => {
      seen.push(incoming.url);
      outgoing.end('{}');
    });
    transport = undiciTransport();
    for (const url of [`${server.baseUrl}/models?limit=2#top`, `${server.baseUrl}/models?limit=2#top`, `${server.baseUrl}/files`]) {
      await (await transport.send(request(url))).text();
    }
    expect(seen).toEqual(['/v1/models?limit=2', '/v1/models?limit=2', '/v1/files']);
  });
});
