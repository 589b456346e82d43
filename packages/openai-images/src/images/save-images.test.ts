import { RequestError } from '@integrations/openai-core';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caught, mockImages, useMockOpenAI } from '../../test/helpers.js';
import { decodeBase64, imageBytes, saveImages } from '../index.js';

useMockOpenAI();
const directories: string[] = [];
const tempDirectory = () => {
  const directory = mkdtempSync(join(tmpdir(), 'save-images-'));
  directories.push(directory);
  return directory;
};
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('saveImages', () => {
  it('writes each image to its own file, named by the result, and leaves no temp file', async () => {
    const result = await mockImages().generate({ model: 'gpt-image-1', prompt: 'Two foxes', n: 2, size: '1024x1024' });
    const directory = join(tempDirectory(), 'nested', 'out');
    const paths = await saveImages(result, directory);
    expect(paths).toEqual([0, 1].map((index) => `${directory}/image-${result.created}-${index}.png`));
    expect(readdirSync(directory).sort()).toEqual(paths.map((path) => path.split('/').pop()).sort());
    paths.forEach((path, index) => expect(new Uint8Array(readFileSync(path))).toEqual(imageBytes(result, index)));
  });

  it('saves a stream\'s completed image under the given name', async () => {
    const final = await mockImages().generateStream({ model: 'gpt-image-1', prompt: 'A kite' }).finalImage();
    const directory = tempDirectory();
    expect(await saveImages(final, directory, { name: 'kite' })).toEqual([`${directory}/kite-0.png`]);
  });

  it('rejects a url-only result with a typed error and writes nothing', async () => {
    const result = await mockImages().generate({ model: 'dall-e-2', prompt: 'A fox', size: '256x256' });
    const directory = tempDirectory();
    const error = await caught<RequestError>(() => saveImages(result, directory));
    expect(RequestError.isInstance(error)).toBe(true);
    expect(readdirSync(directory)).toEqual([]);
  });

  it('leaves the target untouched and removes its temp file when a write fails', async () => {
    const result = await mockImages().generate({ model: 'gpt-image-1', prompt: 'A fox' });
    const directory = tempDirectory();
    // A directory where the file should go makes the rename fail after the temp file is written.
    const blocked = join(directory, `image-${result.created}-0.png`);
    (await import('node:fs')).mkdirSync(join(blocked, 'inside'), { recursive: true });
    await expect(saveImages(result, directory)).rejects.toThrow();
    expect(readdirSync(directory)).toEqual([`image-${result.created}-0.png`]);
  });
});

describe('decodeBase64', () => {
  it('gives a small image bytes of its own, not a view into Node\'s shared Buffer pool', () => {
    const bytes = decodeBase64(Buffer.from('tiny image bytes').toString('base64'));
    expect(new TextDecoder().decode(bytes)).toBe('tiny image bytes');
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    expect(Buffer.isBuffer(bytes)).toBe(false);
  });

  it('decodes with atob where there is no Buffer (browsers, edge runtimes)', () => {
    vi.stubGlobal('Buffer', undefined);
    try {
      expect([...decodeBase64('AAEC/w==')]).toEqual([0, 1, 2, 255]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('saveImages with untrusted names and data', () => {
  const png = 'iVBORw0KGgo=';

  it('refuses a name that is a path, writing nothing outside (or inside) the directory', async () => {
    const directory = tempDirectory();
    const error = await caught<RequestError>(() => saveImages({ created: 1, data: [{ b64_json: png }] }, join(directory, 'out'), { name: '../escaped' }));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'options.name' }] });
    expect(readdirSync(directory)).toEqual([]);
  });

  it('refuses b64_json that is not base64 instead of saving a few garbage bytes', () => {
    expect(() => decodeBase64('!!!!not base64 at all$$$')).toThrow(/not base64/);
  });

  it('saves a set whole or not at all: a URL-only image stops it before the first file', async () => {
    const directory = tempDirectory();
    await caught(() => saveImages({ created: 1, data: [{ b64_json: png }, { url: 'https://example.com/x.png' }] } as never, directory));
    expect(readdirSync(directory)).toEqual([]);
  });

  it('rejects a missing result with a typed validation error', async () => {
    expect(await caught(() => saveImages(null as never, tempDirectory()))).toMatchObject({ kind: 'validation' });
    expect(() => imageBytes(null as never)).toThrow(RequestError);
  });
});

