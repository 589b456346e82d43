/**
 * A tiny PNG encoder for the mock's images: real, valid PNGs (8-bit RGB, zlib-compressed with
 * the web-standard `CompressionStream`, so it runs wherever the engine does: Node, msw, a
 * browser), plus a reader of a PNG's dimensions for uploaded images.
 */

const SIGNATURE = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array, crc = 0xffffffff): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, index) => {
    let value = index;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    return value >>> 0;
  });
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return crc;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.byteLength);
  for (let index = 0; index < 4; index++) out[4 + index] = type.charCodeAt(index);
  out.set(data, 8);
  view.setUint32(8 + data.byteLength, (crc32(out.subarray(4, 8 + data.byteLength)) ^ 0xffffffff) >>> 0);
  return out;
}

async function deflate(raw: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** An RGB colour. */
export type Rgb = readonly [number, number, number];

/**
 * A `width` × `height` PNG: a `background` colour with a diagonal band of `accent`, so images of
 * different prompts (or indexes) look different.
 *
 * @example
 * const png = await encodePng(64, 64, [20, 90, 160], [250, 200, 40]);
 */
export async function encodePng(width: number, height: number, background: Rgb = [32, 96, 160], accent: Rgb = [240, 200, 64]): Promise<Uint8Array> {
  const stride = 1 + width * 3; // a filter byte (0: none) before each row
  const raw = new Uint8Array(stride * height);
  const band = Math.max(1, Math.round(Math.min(width, height) / 8));
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let x = 0; x < width; x++) {
      const color = Math.abs(x - Math.round((y * width) / height)) < band ? accent : background;
      raw[row + 1 + x * 3] = color[0];
      raw[row + 2 + x * 3] = color[1];
      raw[row + 3 + x * 3] = color[2];
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter method, not interlaced
  const parts = [SIGNATURE, chunk('IHDR', header), chunk('IDAT', await deflate(raw)), chunk('IEND', new Uint8Array())];
  const png = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.byteLength;
  }
  return png;
}

/**
 * The width and height of a PNG (from its IHDR chunk), or undefined when `bytes` is not one.
 *
 * @example
 * pngSize(await encodePng(3, 2)); // { width: 3, height: 2 }
 */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.byteLength < 24 || !SIGNATURE.every((byte, index) => bytes[index] === byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
