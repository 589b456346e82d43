/** Embeddings against the real loopback mock server. */
import { startMockServer, type MockServer } from '@integrations/openai-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddingsService } from '../src/index.js';

let server: MockServer;
beforeAll(async () => (server = await startMockServer()));
afterAll(() => server.close());

describe('embeddings over a real socket', () => {
  it('decodes 256 base64 embeddings of 1,536 dimensions equal to the float ones', async () => {
    const embeddings = createEmbeddingsService({ apiKey: 'sk-test', baseUrl: server.baseUrl, logLevel: 'off' });
    const input = Array.from({ length: 256 }, (_, index) => `document ${index}`);
    const decoded = await embeddings.create({ model: 'text-embedding-3-small', input });
    const floats = await embeddings.create({ model: 'text-embedding-3-small', input, encoding_format: 'float' });
    expect(decoded.data).toHaveLength(256);
    decoded.data.forEach((item, index) => expect(Array.from(item.embedding)).toEqual(floats.data[index]!.embedding));
  });
});
