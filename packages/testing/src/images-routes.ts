/**
 * The mock's `/images` routes: generations (JSON), edits (multipart uploads, or JSON images by
 * reference) and variations (multipart), each answered with real PNGs of the requested size (an
 * upload edit keeps its first image's size), as `b64_json` or a `data:` URL, with usage for GPT
 * image models, and SSE partial images and a completed event for `stream: true`.
 */
import { encodePng, pngSize, type Rgb } from './png.js';
import { filesOf, formFields, hashOf, invalidRequest, jsonReply, numberField, toBase64, type MediaContext } from './media-replies.js';
import { sseResponse } from './sse-body.js';

/** What one images request asks for, read from JSON or form fields. */
interface ImageAsk {
  prompt: string;
  model: string;
  n: number;
  width: number;
  height: number;
  responseFormat: string | undefined;
  partialImages: number;
  stream: boolean;
  quality: string;
  background: string;
}

const isGpt = (model: string) => model.startsWith('gpt-image') || model === 'chatgpt-image-latest';
const created = () => Math.floor(Date.now() / 1000);

function colors(seed: string, index: number): [Rgb, Rgb] {
  const hash = hashOf(`${seed}#${index}`);
  return [[hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff], [255 - (hash & 0xff), 255 - ((hash >>> 8) & 0xff), 200]];
}

function dimensions(size: unknown, fallback: { width: number; height: number }): { width: number; height: number } {
  const match = typeof size === 'string' ? /^(\d{1,4})x(\d{1,4})$/.exec(size) : null;
  return match ? { width: Number(match[1]), height: Number(match[2]) } : fallback;
}

function usageFor(ask: ImageAsk, images: number) {
  const text = Math.max(1, Math.ceil(ask.prompt.length / 4));
  const output = 272 * images;
  return { input_tokens: text + images * 16, output_tokens: output, total_tokens: text + images * 16 + output, input_tokens_details: { text_tokens: text, image_tokens: images * 16 } };
}

async function imagesAnswer(ask: ImageAsk, context: MediaContext, eventPrefix: 'image_generation' | 'image_edit'): Promise<Response> {
  const gpt = isGpt(ask.model);
  if (ask.stream) {
    if (!gpt) return invalidRequest(`Streaming is not supported for ${ask.model}.`, context.requestId, 'stream');
    const fields = { created_at: created(), size: `${ask.width}x${ask.height}`, quality: ask.quality, background: ask.background, output_format: 'png' };
    const events: unknown[] = [];
    for (let index = 0; index < ask.partialImages; index++) {
      const b64_json = toBase64(await encodePng(ask.width, ask.height, ...colors(`${ask.prompt}:partial`, index)));
      events.push({ event: `${eventPrefix}.partial_image`, data: { type: `${eventPrefix}.partial_image`, b64_json, ...fields, partial_image_index: index } });
    }
    const b64_json = toBase64(await encodePng(ask.width, ask.height, ...colors(ask.prompt, 0)));
    events.push({ event: `${eventPrefix}.completed`, data: { type: `${eventPrefix}.completed`, b64_json, ...fields, usage: usageFor(ask, 1) } });
    return sseResponse(events, { signal: context.request.signal, done: false, cut: context.cut, intervalMs: context.intervalMs, headers: { 'x-request-id': context.requestId } });
  }
  const data = [];
  for (let index = 0; index < ask.n; index++) {
    const png = await encodePng(ask.width, ask.height, ...colors(ask.prompt, index));
    const asUrl = !gpt && ask.responseFormat !== 'b64_json';
    data.push({
      ...(asUrl ? { url: `data:image/png;base64,${toBase64(png)}` } : { b64_json: toBase64(png) }),
      ...(ask.model === 'dall-e-3' ? { revised_prompt: `A detailed rendering of ${ask.prompt}` } : {}),
    });
  }
  const extra = gpt ? { background: ask.background === 'transparent' ? 'transparent' : 'opaque', output_format: 'png', size: `${ask.width}x${ask.height}`, quality: ask.quality === 'auto' ? 'medium' : ask.quality, usage: usageFor(ask, ask.n) } : {};
  return jsonReply({ created: created(), data, ...extra }, context.requestId);
}

function checkAsk(ask: ImageAsk, requestId: string): Response | undefined {
  if (ask.prompt === '') return invalidRequest("'prompt' is required", requestId, 'prompt');
  if (!Number.isInteger(ask.n) || ask.n < 1 || ask.n > 10) return invalidRequest("'n' must be between 1 and 10", requestId, 'n');
  if (ask.width < 1 || ask.height < 1 || ask.width * ask.height > 3840 * 2160) return invalidRequest("'size' is not supported", requestId, 'size');
  return undefined;
}

/** A generation, or an edit of images by reference (`images`), both JSON. */
async function fromJson(context: MediaContext, operation: 'generate' | 'edit'): Promise<Response> {
  const body = (context.recorded.json ?? {}) as Record<string, unknown>;
  if (operation === 'edit') {
    const images = body.images;
    if (!Array.isArray(images) || images.length === 0) return invalidRequest("'images' must list at least one image", context.requestId, 'images');
    if (images.some((image) => typeof image?.image_url !== 'string' && typeof image?.file_id !== 'string')) return invalidRequest('Each image needs an image_url or a file_id', context.requestId, 'images');
  }
  const fallbackModel = operation === 'edit' ? 'gpt-image-1.5' : body.output_format || body.background || body.stream ? 'gpt-image-1' : 'dall-e-2';
  const model = typeof body.model === 'string' ? body.model : fallbackModel;
  const ask: ImageAsk = {
    prompt: typeof body.prompt === 'string' ? body.prompt : '',
    model,
    n: typeof body.n === 'number' ? body.n : 1,
    ...dimensions(body.size, { width: 1024, height: 1024 }),
    responseFormat: typeof body.response_format === 'string' ? body.response_format : undefined,
    partialImages: typeof body.partial_images === 'number' ? body.partial_images : 0,
    stream: body.stream === true,
    quality: typeof body.quality === 'string' ? body.quality : 'auto',
    background: typeof body.background === 'string' ? body.background : 'auto',
  };
  return checkAsk(ask, context.requestId) ?? imagesAnswer(ask, context, operation === 'edit' ? 'image_edit' : 'image_generation');
}

async function fromForm(context: MediaContext, operation: 'edit' | 'variation'): Promise<Response> {
  const form = await formFields(context.recorded);
  if (!form) return invalidRequest('Expected a multipart/form-data body', context.requestId);
  const images = filesOf(form, 'image');
  if (images.length === 0) return invalidRequest("'image' is required", context.requestId, 'image');
  if (images.some((image) => image.size === 0)) return invalidRequest('An uploaded image is empty', context.requestId, 'image');
  const model = String(form.get('model') ?? (operation === 'edit' ? 'gpt-image-1.5' : 'dall-e-2'));
  if (model === 'dall-e-2' && images.length > 1) return invalidRequest('dall-e-2 takes a single image', context.requestId, 'image');
  const first = pngSize(new Uint8Array(await images[0]!.arrayBuffer()));
  const ask: ImageAsk = {
    prompt: operation === 'edit' ? String(form.get('prompt') ?? '') : `a variation of ${images[0]!.name}`,
    model,
    n: numberField(form, 'n', 1),
    ...dimensions(form.get('size'), first ?? { width: 1024, height: 1024 }),
    responseFormat: typeof form.get('response_format') === 'string' ? String(form.get('response_format')) : undefined,
    partialImages: numberField(form, 'partial_images', 0),
    stream: form.get('stream') === 'true',
    quality: String(form.get('quality') ?? 'auto'),
    background: String(form.get('background') ?? 'auto'),
  };
  return checkAsk(ask, context.requestId) ?? imagesAnswer(ask, context, 'image_edit');
}

/**
 * Answers `/images/*` requests, or returns undefined for any other path.
 *
 * @example
 * const answer = routeImages({ recorded, request, requestId });
 */
export function routeImages(context: MediaContext): Promise<Response> | undefined {
  const { method, path } = context.recorded;
  if (method !== 'POST') return undefined;
  if (path === '/images/generations') return fromJson(context, 'generate');
  if (path === '/images/edits') return context.recorded.json === undefined ? fromForm(context, 'edit') : fromJson(context, 'edit');
  if (path === '/images/variations') return fromForm(context, 'variation');
  return undefined;
}
