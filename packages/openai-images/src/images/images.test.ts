import { getResponseMeta, RequestError, toFile } from '@integrations/openai-core';
import { encodePng } from '@integrations/openai-testing';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { caught, formOf, mockImages, pngDimensions, useMockOpenAI } from '../../test/helpers.js';
import { imageBytes } from '../index.js';

const mock = useMockOpenAI();

/** Checks the PNG is real: signature, IHDR, and an IDAT that inflates to exactly one RGB image. */
function expectValidPng(bytes: Uint8Array, width: number, height: number) {
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(pngDimensions(bytes)).toEqual({ width, height });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idatLength = view.getUint32(33);
  expect(new TextDecoder().decode(bytes.subarray(37, 41))).toBe('IDAT');
  expect(inflateSync(bytes.subarray(41, 41 + idatLength)).byteLength).toBe(height * (1 + width * 3));
}

describe('images.generate', () => {
  it('returns b64_json images that decode, on demand, into real PNGs of the requested size', async () => {
    const result = await mockImages().generate({ model: 'gpt-image-1', prompt: 'A lighthouse at dusk', size: '1536x1024', n: 2 });
    expect(result.data).toHaveLength(2);
    expect(typeof result.data![0]!.b64_json).toBe('string');
    const png = imageBytes(result, 1);
    expectValidPng(png, 1536, 1024);
    expect(png.byteOffset).toBe(0);
    expect(png.buffer.byteLength).toBe(png.byteLength);
    expect(mock.requests[0]!.json).toEqual({ model: 'gpt-image-1', prompt: 'A lighthouse at dusk', size: '1536x1024', n: 2 });
  });

  it('types the usage of GPT image models and attaches response metadata', async () => {
    const result = await mockImages().generate({ model: 'gpt-image-1', prompt: 'A fox' });
    expect(result.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: 272, input_tokens_details: { text_tokens: expect.any(Number), image_tokens: 16 } });
    expect(result.usage!.total_tokens).toBe(result.usage!.input_tokens + result.usage!.output_tokens);
    expect(getResponseMeta(result)).toMatchObject({ requestId: 'req_mock_0', status: 200 });
  });

  it('keeps a url as is, and explains why it has no bytes', async () => {
    const result = await mockImages().generate({ model: 'dall-e-2', prompt: 'A fox', size: '256x256' });
    expect(result.data![0]!.url).toMatch(/^data:image\/png;base64,/);
    const error = await caught<RequestError>(() => imageBytes(result, 0));
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/response_format: 'b64_json'/);
    expect(() => imageBytes(result, 3)).toThrow(/no image 3/);
  });

  it('gives dall-e-3 a revised prompt', async () => {
    const result = await mockImages().generate({ model: 'dall-e-3', prompt: 'A fox', response_format: 'b64_json' });
    expect(result.data![0]!.revised_prompt).toContain('A fox');
    expectValidPng(imageBytes(result), 1024, 1024);
  });

  it('refuses stream: true, pointing at generateStream, before sending', async () => {
    const error = await caught<RequestError>(() => mockImages().generate({ prompt: 'x', stream: true }));
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'stream' }] });
    expect(mock.requests).toHaveLength(0);
  });
});

describe('the model rules the spec states', () => {
  it.each([
    ['model: dall-e-3, n: 2', { model: 'dall-e-3', prompt: 'x', n: 2 }, 'n'],
    ['model: dall-e-2, size: 1792x1024', { model: 'dall-e-2', prompt: 'x', size: '1792x1024' }, 'size'],
    ['model: dall-e-3, size: 256x256', { model: 'dall-e-3', prompt: 'x', size: '256x256' }, 'size'],
    ['model: gpt-image-1, size: 1792x1024', { model: 'gpt-image-1', prompt: 'x', size: '1792x1024' }, 'size'],
    ['model: gpt-image-2, size: 1000x1000', { model: 'gpt-image-2', prompt: 'x', size: '1000x1000' }, 'size'],
    ['model: gpt-image-2, size: 4000x496', { model: 'gpt-image-2', prompt: 'x', size: '4000x496' }, 'size'],
    ['model: dall-e-2, a 1001-character prompt', { model: 'dall-e-2', prompt: 'x'.repeat(1001) }, 'prompt'],
    ['model: dall-e-3, a 4001-character prompt', { model: 'dall-e-3', prompt: 'x'.repeat(4001) }, 'prompt'],
    ['model: dall-e-2, quality: hd', { model: 'dall-e-2', prompt: 'x', quality: 'hd' }, 'quality'],
    ['model: gpt-image-1, quality: hd', { model: 'gpt-image-1', prompt: 'x', quality: 'hd' }, 'quality'],
    ['model: gpt-image-1, response_format: url', { model: 'gpt-image-1', prompt: 'x', response_format: 'url' }, 'response_format'],
    ['model: gpt-image-1, background: transparent, output_format: jpeg', { model: 'gpt-image-1', prompt: 'x', background: 'transparent', output_format: 'jpeg' }, 'output_format'],
    ['model: dall-e-3, output_format: png', { model: 'dall-e-3', prompt: 'x', output_format: 'png' }, 'output_format'],
    ['model: dall-e-2, style: vivid', { model: 'dall-e-2', prompt: 'x', style: 'vivid' }, 'style'],
    ['model: dall-e-2, partial_images: 1', { model: 'dall-e-2', prompt: 'x', partial_images: 1 }, 'partial_images'],
  ] as const)('refuses %s at its field, before sending', async (_label, params, path) => {
    const error = await caught<RequestError>(() => mockImages().generate(params as never));
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('validation');
    expect((error.issues as Array<{ path: string }>).map((issue) => issue.path)).toContain(path);
    expect(mock.requests).toHaveLength(0);
  });

  it.each([
    { model: 'gpt-image-2', prompt: 'x', size: '1536x864' },
    { model: 'gpt-image-1', prompt: 'x', output_format: 'webp', output_compression: 80, background: 'transparent' },
    { model: 'dall-e-3', prompt: 'x', size: '1792x1024', quality: 'hd', style: 'natural' },
    { model: 'a-model-from-next-year', prompt: 'x', size: '640x480', style: 'natural', quality: 'hd', n: 7 },
    { prompt: 'x', size: '1024x1792', output_format: 'png' },
  ])('lets %j through: a rule is checked only for a model the spec describes', async (params) => {
    await mockImages().generate(params as never);
    expect(mock.requests).toHaveLength(1);
  });
});

describe('images.edit', () => {
  it('sends one image as `image` and returns an image of its size', async () => {
    const source = await encodePng(40, 24);
    const result = await mockImages().edit({ image: toFile(source, 'photo.png'), prompt: 'Add a hat', model: 'gpt-image-1' });
    expectValidPng(imageBytes(result), 40, 24);
    const form = await formOf(mock.requests[0]!);
    const image = form.get('image') as File;
    expect(image.name).toBe('photo.png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(source);
    expect(form.get('prompt')).toBe('Add a hat');
  });

  it('sends several images as `image[]` parts, in order, with the mask', async () => {
    const images = [await encodePng(8, 8), await encodePng(9, 9), await encodePng(10, 10)];
    const mask = await encodePng(8, 8, [0, 0, 0]);
    await mockImages().edit({ image: images.map((bytes, index) => toFile(bytes, `item-${index}.png`)), mask: toFile(mask, 'mask.png'), prompt: 'A gift basket', model: 'gpt-image-1.5', n: 2 });
    const form = await formOf(mock.requests[0]!);
    expect(form.getAll('image')).toEqual([]);
    expect((form.getAll('image[]') as File[]).map((file) => file.name)).toEqual(['item-0.png', 'item-1.png', 'item-2.png']);
    expect((form.get('mask') as File).size).toBe(mask.byteLength);
    expect(form.get('n')).toBe('2');
  });

  it('accepts every upload shape: Blob, File, bytes, ArrayBuffer, a web stream, an async iterable', async () => {
    const png = await encodePng(4, 4);
    const shapes = [
      new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
      new File([png as Uint8Array<ArrayBuffer>], 'file.png', { type: 'image/png' }),
      png,
      png.slice().buffer,
      new ReadableStream<Uint8Array>({ start(controller) { controller.enqueue(png); controller.close(); } }),
      (async function* () { yield png.subarray(0, 10); yield png.subarray(10); })(),
    ];
    for (const image of shapes) await mockImages().edit({ image, prompt: 'x' });
    for (const request of mock.requests) expect(new Uint8Array(await ((await formOf(request)).get('image') as File).arrayBuffer())).toEqual(png);
  });

  it.each([
    ['an empty image', { image: new Uint8Array(), prompt: 'x' }, 'image'],
    ['a missing image', { prompt: 'x' }, 'image'],
    ['17 images', { image: Array.from({ length: 17 }, () => new Uint8Array([1])), prompt: 'x' }, 'image'],
    ['a string as the image', { image: 'photo.png', prompt: 'x' }, 'image'],
    ['two images for dall-e-2', { image: [new Uint8Array([1]), new Uint8Array([2])], prompt: 'x', model: 'dall-e-2' }, 'image'],
    ['a 5 MB image for dall-e-2', { image: new Uint8Array(5 * 1024 * 1024), prompt: 'x', model: 'dall-e-2' }, 'image'],
    ['a 5 MB mask', { image: new Uint8Array([1]), mask: new Uint8Array(5 * 1024 * 1024), prompt: 'x' }, 'mask'],
    ['input_fidelity on gpt-image-1-mini', { image: new Uint8Array([1]), prompt: 'x', model: 'gpt-image-1-mini', input_fidelity: 'high' }, 'input_fidelity'],
    ['output_compression above 100', { image: new Uint8Array([1]), prompt: 'x', output_compression: 101 }, 'output_compression'],
  ])('refuses %s before reading or sending anything', async (_why, params, path) => {
    const error = await caught<RequestError>(() => mockImages().edit(params as never));
    expect(error.kind).toBe('validation');
    expect((error.issues as Array<{ path: string }>)[0]!.path).toMatch(new RegExp(`^${path}`));
    expect(mock.requests).toHaveLength(0);
  });
});

describe('images.variations', () => {
  it('uploads the image and keeps the url answer of dall-e-2', async () => {
    const source = await encodePng(32, 32);
    const result = await mockImages().variations({ image: toFile(source, 'otter.png'), n: 2, size: '256x256' });
    expect(result.data!.map((image) => image.url!.slice(0, 22))).toEqual(['data:image/png;base64,', 'data:image/png;base64,']);
    const form = await formOf(mock.requests[0]!);
    expect((form.get('image') as File).name).toBe('otter.png');
    expect(form.get('size')).toBe('256x256');
  });

  it('decodes b64_json variations', async () => {
    const result = await mockImages().variations({ image: await encodePng(16, 16), response_format: 'b64_json', size: '512x512' });
    expectValidPng(imageBytes(result), 512, 512);
  });
});

describe('images.edit by reference', () => {
  it('sends images given by URL or file id as JSON', async () => {
    const result = await mockImages().edit({ model: 'gpt-image-1.5', prompt: 'Add snow', images: [{ image_url: 'https://example.com/a.png' }, { file_id: 'file-abc123' }], mask: { file_id: 'file-mask' }, size: '1536x1024' });
    expect(pngDimensions(imageBytes(result))).toEqual({ width: 1536, height: 1024 });
    expect(mock.requests[0]!.headers['content-type']).toBe('application/json');
    expect(mock.requests[0]!.json).toEqual({ model: 'gpt-image-1.5', prompt: 'Add snow', images: [{ image_url: 'https://example.com/a.png' }, { file_id: 'file-abc123' }], mask: { file_id: 'file-mask' }, size: '1536x1024' });
  });

  it('streams an edit by reference', async () => {
    const final = await mockImages().editStream({ prompt: 'Add snow', images: [{ file_id: 'file-abc123' }], partial_images: 1 }).finalImage();
    expect(final.type).toBe('image_edit.completed');
    expect(mock.requests[0]!.json).toMatchObject({ stream: true });
  });

  it.each([
    ['no images', { prompt: 'x', images: [] }, 'images'],
    ['a reference with neither url nor file id', { prompt: 'x', images: [{}] }, 'images'],
    ['dall-e-2, which needs an upload', { prompt: 'x', images: [{ file_id: 'file-1' }], model: 'dall-e-2' }, 'images'],
    ['an empty prompt', { prompt: '', images: [{ file_id: 'file-1' }] }, 'prompt'],
  ])('refuses %s before sending', async (_why, params, path) => {
    const error = await caught<RequestError>(() => mockImages().edit(params as never));
    expect(error.kind).toBe('validation');
    expect((error.issues as Array<{ path: string }>)[0]!.path).toMatch(new RegExp(`^${path}`));
    expect(mock.requests).toHaveLength(0);
  });
});
