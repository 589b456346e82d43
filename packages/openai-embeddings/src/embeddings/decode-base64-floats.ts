/**
 * Decodes a base64 embedding (little-endian float32s) into a `Float32Array` without building
 * a number array first. Uses `Buffer` where the runtime has one (much faster than `atob`), and
 * swaps bytes on a big-endian machine.
 *
 * Every vector owns exactly its own bytes (`byteOffset` 0, `buffer.byteLength` equal to its
 * own): a small `Buffer` is a view into Node's shared 8 KiB pool, and a vector that kept that
 * view would expose, through `.buffer`, whatever else the process put there (API keys,
 * request bodies) to anyone who serialises or transfers the vector's buffer.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

type BufferLike = { from(text: string, encoding: 'base64'): Uint8Array };

function base64Bytes(base64: string): Uint8Array {
  // Looked up per call, not at import, so a runtime (or a test) without `Buffer` takes the atob path.
  const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (NodeBuffer) return NodeBuffer.from(base64, 'base64');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** True when `bytes` is the whole of its buffer, so a view over it shows nothing else. */
function ownsItsBuffer(bytes: Uint8Array, length: number): boolean {
  return bytes.byteOffset === 0 && bytes.buffer.byteLength === length;
}

/**
 * `decodeBase64Floats(item.embedding)` → the vector.
 *
 * @example
 * const vector = decodeBase64Floats('AACAPwAAAEA='); // Float32Array [1, 2]
 */
export function decodeBase64Floats(base64: string): Float32Array {
  const bytes = base64Bytes(base64);
  const count = bytes.byteLength >>> 2;
  if (LITTLE_ENDIAN) {
    // Fast path: a fresh, exactly sized buffer (large inputs, the atob path) becomes the vector.
    if (ownsItsBuffer(bytes, count * 4)) return new Float32Array(bytes.buffer, 0, count);
    // Pooled or unaligned: copy into a buffer of the vector's own. `Buffer#slice` would not do:
    // it returns a view of the same pool, not a copy.
    const vector = new Float32Array(count);
    new Uint8Array(vector.buffer).set(bytes.subarray(0, count * 4));
    return vector;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(count);
  for (let index = 0; index < count; index++) vector[index] = view.getFloat32(index * 4, true);
  return vector;
}
