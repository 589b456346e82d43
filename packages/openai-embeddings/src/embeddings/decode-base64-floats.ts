/**
 * Decodes a base64 embedding (little-endian float32s) into a `Float32Array` without building
 * a number array first. Uses `Buffer` where the runtime has one (much faster than `atob`), and
 * swaps bytes on a big-endian machine.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

type BufferLike = { from(text: string, encoding: 'base64'): Uint8Array };
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;

function base64Bytes(base64: string): Uint8Array {
  if (NodeBuffer) return NodeBuffer.from(base64, 'base64');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
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
    // A Float32Array view needs a 4-byte-aligned offset; pooled buffers may not have one.
    if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, count);
    return new Float32Array(bytes.slice().buffer, 0, count);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(count);
  for (let index = 0; index < count; index++) vector[index] = view.getFloat32(index * 4, true);
  return vector;
}
