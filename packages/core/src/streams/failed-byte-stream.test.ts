/** `failedByteStream`: what a byte-stream method returns instead of throwing on bad input. */
import { describe, expect, it, vi } from 'vitest';
import { caught } from '../../test/helpers.js';
import { RequestError } from '../errors/errors.js';
import { failedByteStream } from './byte-stream.js';

const invalid = () => new RequestError({ kind: 'validation', message: 'model: Required' });

describe('failedByteStream', () => {
  it('fails its first read with the error', async () => {
    const error = invalid();
    expect(await caught(() => failedByteStream(error).getReader().read())).toBe(error);
  });

  it('rejects its responseMeta with the error', async () => {
    const error = invalid();
    expect(await caught(() => failedByteStream(error).responseMeta)).toBe(error);
  });

  it('has an abort that does nothing', () => {
    expect(() => failedByteStream(invalid()).abort('why')).not.toThrow();
  });

  it('raises no unhandled rejection when nobody awaits its metadata', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      failedByteStream(invalid());
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
