import { getResponseMeta, NetworkError, RequestError, toFile } from '@integrations/openai-core';
import { encodePng } from '@integrations/openai-testing';
import { describe, expect, it } from 'vitest';
import { caught, formOf, mockImages, pngDimensions, useMockOpenAI } from '../../test/helpers.js';
import { imageBytes, type ImageGenStreamEvent } from '../index.js';

const mock = useMockOpenAI();
const params = { model: 'gpt-image-1', prompt: 'A red kite', size: '1024x1536' as const, partial_images: 2 };

describe('images.generateStream', () => {
  it('yields typed partial images, then the completed image with usage', async () => {
    const stream = mockImages().generateStream(params);
    const events: ImageGenStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events.map((event) => event.type)).toEqual(['image_generation.partial_image', 'image_generation.partial_image', 'image_generation.completed']);
    expect(events.map((event) => (event.type === 'image_generation.partial_image' ? event.partial_image_index : 'final'))).toEqual([0, 1, 'final']);
    expect(pngDimensions(imageBytes(events[0]!))).toEqual({ width: 1024, height: 1536 });
    const final = await stream.finalImage();
    expect(final).toBe(events[2]);
    expect(final.usage.total_tokens).toBeGreaterThan(0);
    expect(getResponseMeta(final)).toMatchObject({ requestId: 'req_mock_0', status: 200 });
    expect((await stream.responseMeta).requestId).toBe('req_mock_0');
    expect(mock.requests[0]!.json).toMatchObject({ stream: true, partial_images: 2 });
  });

  it('reads the whole stream for finalImage() when nobody iterated', async () => {
    const final = await mockImages().generateStream({ ...params, partial_images: 0 }).finalImage();
    expect(final.type).toBe('image_generation.completed');
    expect(pngDimensions(imageBytes(final))).toEqual({ width: 1024, height: 1536 });
  });

  it('ends with kind aborted when abort() is called mid-stream, and has no final image', async () => {
    const stream = mockImages().generateStream(params);
    const error = await caught<RequestError>(async () => {
      for await (const _event of stream) stream.abort();
    });
    expect(RequestError.isInstance(error)).toBe(true);
    expect(error.kind).toBe('aborted');
    expect((await caught<RequestError>(() => stream.finalImage())).kind).toBe('aborted');
  });

  it('stops the request and rejects finalImage() when the loop breaks early', async () => {
    const stream = mockImages().generateStream(params);
    for await (const _event of stream) break;
    const error = await caught<RequestError>(() => stream.finalImage());
    expect(error.kind).toBe('aborted');
    expect(error.message).toMatch(/stopped before it finished/);
  });

  it('turns a stall after the first event into a typed stream_idle timeout', async () => {
    const partial = { type: 'image_generation.partial_image', b64_json: 'iVBORw0KGgo=', created_at: 1, size: '1024x1024', quality: 'low', background: 'auto', output_format: 'png', partial_image_index: 0 };
    mock.faults.next({ path: '/images/generations', sse: [partial], done: false, stallAfter: 1 });
    const stream = mockImages({ streamIdleTimeout: 50 }).generateStream(params);
    const seen: string[] = [];
    const error = await caught<NetworkError>(async () => {
      for await (const event of stream) seen.push(event.type);
    });
    expect(seen).toEqual(['image_generation.partial_image']);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'timeout', timeoutKind: 'stream_idle' });
  });

  it('says the stream was cut when the body ends without the completed event', async () => {
    mock.faults.next({ path: '/images/generations', sse: [], done: false });
    const error = await caught<NetworkError>(() => mockImages().generateStream(params).finalImage());
    expect(error).toMatchObject({ kind: 'stream_interrupted' });
  });

  it('returns a stream for bad params and fails its first read, sending nothing', async () => {
    const stream = mockImages().generateStream({ model: 'dall-e-3', prompt: 'x' });
    const error = await caught<RequestError>(() => stream[Symbol.asyncIterator]().next());
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'stream' }] });
    expect(mock.requests).toHaveLength(0);
  });
});

describe('images.editStream', () => {
  it('uploads the images with stream=true and yields image_edit events', async () => {
    const stream = mockImages().editStream({ image: [toFile(await encodePng(20, 10), 'a.png'), toFile(await encodePng(5, 5), 'b.png')], prompt: 'Merge them', partial_images: 1 });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(['image_edit.partial_image', 'image_edit.completed']);
    const final = await stream.finalImage();
    expect(pngDimensions(imageBytes(final))).toEqual({ width: 20, height: 10 });
    expect(getResponseMeta(final)?.requestId).toBe('req_mock_0');
    const form = await formOf(mock.requests[0]!);
    expect(form.get('stream')).toBe('true');
    expect(form.get('partial_images')).toBe('1');
    expect(form.getAll('image[]')).toHaveLength(2);
  });

  it('fails the first read for a bad upload or bad options, sending nothing', async () => {
    for (const stream of [
      mockImages().editStream({ image: new Uint8Array(), prompt: 'x' }),
      mockImages().editStream({ image: new Uint8Array([1]), prompt: 'x' }, 'nope' as never),
      mockImages().editStream({ image: new Uint8Array([1]), prompt: 'x' }, { timeout: -1 }),
    ]) {
      const error = await caught<RequestError>(() => stream.finalImage());
      expect(error.kind).toBe('validation');
    }
    expect(mock.requests).toHaveLength(0);
  });

  it('aborts through the caller signal', async () => {
    const controller = new AbortController();
    const stream = mockImages().editStream({ image: await encodePng(4, 4), prompt: 'x', partial_images: 3 }, { signal: controller.signal });
    const error = await caught<RequestError>(async () => {
      for await (const _event of stream) controller.abort();
    });
    expect(error.kind).toBe('aborted');
  });
});
