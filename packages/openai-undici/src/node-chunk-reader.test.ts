import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { nodeChunkReader } from './node-chunk-reader.js';

const text = (value: Uint8Array | undefined) => new TextDecoder().decode(value);

describe('nodeChunkReader', () => {
  it('hands over bytes as they arrive, everything buffered in one read, then the end', async () => {
    const source = new PassThrough();
    const reader = nodeChunkReader(source);
    const pending = reader.read();
    source.write('first');
    expect(text((await pending).value)).toBe('first');
    source.write('a');
    source.write('b');
    await new Promise((resolve) => setImmediate(resolve));
    expect(text((await reader.read()).value)).toBe('ab');
    source.end();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });

  it('rejects a pending read, and every later one, with the stream error', async () => {
    const source = new PassThrough();
    const reader = nodeChunkReader(source);
    const pending = reader.read();
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    source.destroy(reset);
    await expect(pending).rejects.toBe(reset);
    await expect(reader.read()).rejects.toBe(reset);
  });

  it('takes a stream destroyed before its end, with no error, as cut off rather than complete', async () => {
    const source = new PassThrough();
    const reader = nodeChunkReader(source);
    const pending = reader.read();
    source.destroy();
    await expect(pending).rejects.toMatchObject({ code: 'UND_ERR_ABORTED' });
  });

  it('on cancel destroys the source and ends a pending read', async () => {
    const source = new PassThrough();
    const reader = nodeChunkReader(source);
    const pending = reader.read();
    await reader.cancel();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(source.destroyed).toBe(true);
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });
});
