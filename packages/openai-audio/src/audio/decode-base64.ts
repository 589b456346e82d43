/**
 * Base64 to bytes that own their memory: `Buffer` where the runtime has one (much faster than
 * `atob`), copied out of Node's shared pool when small, so `.buffer` shows nothing else the
 * process holds.
 */
type BufferLike = { from(text: string, encoding: 'base64'): Uint8Array };

/**
 * Decodes base64 text into bytes of their own.
 *
 * @example
 * decodeBase64('UklGRg=='); // Uint8Array [82, 73, 70, 70] ("RIFF")
 */
export function decodeBase64(base64: string): Uint8Array {
  const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (NodeBuffer === undefined) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return bytes;
  }
  const decoded = NodeBuffer.from(base64, 'base64');
  if (decoded.byteOffset === 0 && decoded.buffer.byteLength === decoded.byteLength) return new Uint8Array(decoded.buffer, 0, decoded.byteLength);
  const bytes = new Uint8Array(decoded.byteLength);
  bytes.set(decoded);
  return bytes;
}
