import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeBase64Floats } from '../index.js';

const RealBuffer = Buffer;
const SECRET = 'Bearer sk-live-0123456789abcdef';

/** Base64 of little-endian float32s, built without the code under test. */
function base64Of(values: number[]): string {
  const floats = new Float32Array(values);
  return RealBuffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}

function expectOwnBuffer(vector: Float32Array): void {
  expect(vector.byteOffset).toBe(0);
  expect(vector.buffer.byteLength).toBe(vector.byteLength);
}

afterEach(() => vi.unstubAllGlobals());

describe('decodeBase64Floats', () => {
  it('decodes little-endian float32 values', () => {
    // 1, 2, 3 as IEEE-754 single precision: 0x3f800000, 0x40000000, 0x40400000, bytes reversed.
    expect(Array.from(decodeBase64Floats('AACAPwAAAEAAAEBA'))).toEqual([1, 2, 3]);
  });

  it('never lets a vector see other bytes of the shared Buffer pool, such as an API key', () => {
    const values = Array.from({ length: 256 }, (_, index) => index / 256);
    const base64 = base64Of(values);
    // Small Buffers share one 8 KiB pool: a key allocated before (or just after) the decode
    // lands in the same pool as the decoded bytes.
    const before = RealBuffer.from(SECRET);
    const vector = decodeBase64Floats(base64);
    const after = RealBuffer.from(SECRET);
    expectOwnBuffer(vector);
    expect(RealBuffer.from(vector.buffer).includes(SECRET)).toBe(false);
    expect(Array.from(vector)).toEqual(values);
    expect(before.toString() + after.toString()).toBe(SECRET + SECRET);
  });

  it('keeps a large vector on the buffer it was decoded into when that buffer is exactly its own', () => {
    const vector = decodeBase64Floats(base64Of(Array.from({ length: 1536 }, (_, index) => index)));
    expectOwnBuffer(vector);
    expect(vector[1535]).toBe(1535);
  });

  it('copies out of a Buffer whose bytes start at an unaligned offset of a larger pool', () => {
    // A Buffer implementation that pools without 4-byte alignment: the decoded bytes sit at
    // offset 33 of a buffer that starts with a secret.
    const fakeBuffer = {
      from(text: string) {
        const decoded = RealBuffer.from(text, 'base64');
        const pool = new ArrayBuffer(33 + decoded.byteLength + 31);
        new Uint8Array(pool).set(RealBuffer.from(SECRET), 0);
        new Uint8Array(pool).set(decoded, 33);
        return RealBuffer.from(pool, 33, decoded.byteLength);
      },
    };
    vi.stubGlobal('Buffer', fakeBuffer);
    const vector = decodeBase64Floats(base64Of([1.5, -2.25, 1e-3]));
    vi.unstubAllGlobals();
    expect(Array.from(vector)).toEqual(Array.from(new Float32Array([1.5, -2.25, 1e-3])));
    expectOwnBuffer(vector);
  });

  it('decodes with atob where the runtime has no Buffer, into a buffer of its own', () => {
    vi.stubGlobal('Buffer', undefined);
    const vector = decodeBase64Floats(base64Of([0.5, -4, 1024]));
    vi.unstubAllGlobals();
    expect(Array.from(vector)).toEqual([0.5, -4, 1024]);
    expectOwnBuffer(vector);
  });
});
