/** The umbrella reaches images and audio on its one core, and re-exports both at the root and per subpath. */
import { MOCK_CLIENT_OPTIONS, useMockOpenAI } from '@integrations/test-kit';
import { describe, expect, it, vi } from 'vitest';
import * as audioSubpath from '../src/audio.js';
import * as imagesSubpath from '../src/images.js';
import { createAudioService, createImagesService, createOpenAIClient, imageBytes, toFile } from '../src/index.js';

const mock = useMockOpenAI();

describe('client.images and client.audio', () => {
  it('generate an image, speak a sentence and transcribe it back, on one core', async () => {
    const incrementCounter = vi.fn();
    const client = createOpenAIClient({ ...MOCK_CLIENT_OPTIONS, hooks: { metrics: { incrementCounter, recordHistogram: vi.fn() } } });
    const image = await client.images.generate({ model: 'gpt-image-1', prompt: 'A lighthouse', size: '1024x1024' });
    expect(imageBytes(image).byteLength).toBeGreaterThan(50);
    const speech = await client.audio.speech({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'Umbrella speaking.', response_format: 'wav' });
    const { text } = await client.audio.transcribe({ file: toFile(new Uint8Array(speech), 'speech.wav'), model: 'gpt-4o-transcribe' });
    expect(text).toBe('Umbrella speaking.');
    const endpoints = incrementCounter.mock.calls.filter(([name]) => name === 'openai_requests_total').map(([, , labels]) => labels.endpoint);
    expect(endpoints).toEqual(['/images/generations', '/audio/speech', '/audio/transcriptions']);
    expect(client.images).toBe(client.images);
    expect(client.audio).toBe(client.audio);
    expect(mock.requests).toHaveLength(3);
  });

  it('re-exports both domains at the root and at /images and /audio', () => {
    expect(imagesSubpath.createImagesService).toBe(createImagesService);
    expect(audioSubpath.createAudioService).toBe(createAudioService);
    expect(imagesSubpath.saveImages).toBeTypeOf('function');
    expect(audioSubpath.SPEECH_VOICES).toContain('coral');
  });
});
