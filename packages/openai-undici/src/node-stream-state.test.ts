// A body that failed or closed before core made its reader (a byte stream is read lazily, on the
// first pull) must still settle reads: with the error, or UND_ERR_ABORTED for a close before 'end'.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { nodeChunkReader } from './node-chunk-reader.js';
import { UndiciResponse } from './undici-response.js';

async function drain(reader: ReturnType<typeof nodeChunkReader>): Promise<unknown> {
  for (;;) {
    const step = await reader.read();
    if (step.done) return 'end';
  }
}

describe('a source that ended badly before the reader was made', () => {
  it('rejects with its error', async () => {
    const source = new Readable({ read() {} });
    source.on('error', () => undefined);
    source.push(Buffer.from('abc'));
    source.destroy(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(drain(nodeChunkReader(source))).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('rejects with UND_ERR_ABORTED when it was closed without an error', async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.from('abc'));
    source.destroy();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(drain(nodeChunkReader(source))).rejects.toMatchObject({ code: 'UND_ERR_ABORTED' });
  });
});

describe('the web body of a source that ended badly before it was asked for', () => {
  it('errors with the source error, or as cut off when it was closed without one', async () => {
    const failed = new Readable({ read() {} });
    failed.on('error', () => undefined);
    failed.destroy(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    const closed = new Readable({ read() {} });
    closed.destroy();
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const [source, code] of [[failed, 'ECONNRESET'], [closed, 'UND_ERR_ABORTED']] as const) {
      const reader = new UndiciResponse(source, 'http://127.0.0.1:1/v1/audio/speech', { status: 200 }).body.getReader();
      await expect(reader.read()).rejects.toMatchObject({ code });
    }
  });
});
