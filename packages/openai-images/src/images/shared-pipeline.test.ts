/**
 * Every images call runs on the client's one pipeline: a failure seen by a stream (an upload
 * answered with events, a JSON request answered with events) counts on the same circuit
 * breaker as a plain call, and the other way round.
 */
import { createOpenAICore, RequestError, toFile } from '@integrations/openai-core';
import { encodePng } from '@integrations/openai-testing';
import { MOCK_CLIENT_OPTIONS } from '@integrations/test-kit';
import { describe, expect, it } from 'vitest';
import { caught, useMockOpenAI } from '../../test/helpers.js';
import { createImagesService, type ImagesService } from '../index.js';

const mock = useMockOpenAI();
const busy = { status: 503, body: { error: { message: 'busy', type: 'server_error', code: null, param: null } } };
const png = await encodePng(8, 8);
const upload = () => ({ image: toFile(png, 'a.png'), prompt: 'Add a hat', model: 'gpt-image-1' });
const generation = { model: 'gpt-image-1', prompt: 'A red kite' };

/** An images service on a core whose breaker opens after two failed calls, whatever their endpoint. */
function imagesOnOneCore(): ImagesService {
  const core = createOpenAICore({ ...MOCK_CLIENT_OPTIONS, circuitBreaker: { failureThreshold: 2, perEndpoint: false } });
  return createImagesService(core);
}

type Call = (images: ImagesService) => Promise<unknown>;
const calls: Record<string, Call> = {
  generate: (images) => images.generate(generation),
  generateStream: (images) => images.generateStream(generation).finalImage(),
  edit: (images) => images.edit(upload()),
  editStream: (images) => images.editStream(upload()).finalImage(),
  referenceEditStream: (images) => images.editStream({ images: [{ file_id: 'file-abc123' }], prompt: 'Add a hat', model: 'gpt-image-1' }).finalImage(),
};

describe('one client, one circuit breaker', () => {
  it.each([
    ['editStream', 'editStream', 'generate'],
    ['editStream', 'generate', 'edit'],
    ['generate', 'edit', 'editStream'],
    ['generateStream', 'referenceEditStream', 'editStream'],
  ])('%s and %s failing with 503 open the breaker %s then meets, sending nothing', async (first, second, then) => {
    const images = imagesOnOneCore();
    mock.faults.always(busy);
    expect(await caught(() => calls[first]!(images))).toMatchObject({ status: 503 });
    expect(await caught(() => calls[second]!(images))).toMatchObject({ status: 503 });
    expect(mock.requests).toHaveLength(2);
    const error = await caught<RequestError>(() => calls[then]!(images));
    expect(error).toMatchObject({ kind: 'circuit_open' });
    expect(mock.requests).toHaveLength(2);
  });
});
