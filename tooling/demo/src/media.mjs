// Images and audio: generate an image and save it; speak a sentence into a file, then
// transcribe that file back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageBytes, saveImages } from '@integrations/openai';
import { heading } from './setup.mjs';

/** Where the demo's files go: a fresh folder under the system's temp directory. */
const outputDirectory = () => mkdtempSync(join(tmpdir(), 'integrations-demo-'));

export async function imageExample({ client }) {
  heading('Images: generate one, with partial images streamed first, and save it');
  const stream = client.images.generateStream({ model: 'gpt-image-1', prompt: 'A lighthouse on a cliff at dusk, watercolor', size: '1024x1024', quality: 'low', partial_images: 2 });
  for await (const event of stream) {
    if (event.type === 'image_generation.partial_image') console.log(`  partial image ${event.partial_image_index + 1}: ${imageBytes(event).byteLength.toLocaleString('en-US')} bytes`);
  }
  const final = await stream.finalImage();
  const [path] = await saveImages(final, outputDirectory(), { name: 'lighthouse' });
  console.log(`  saved ${path} (${final.size}, ${final.usage.total_tokens} tokens)`);
}

export async function audioExample({ client }) {
  heading('Audio: speak a sentence into a file, then transcribe it back');
  const sentence = 'The quick brown fox jumps over the lazy dog.';
  const path = join(outputDirectory(), 'fox.wav');
  const saved = await client.audio.saveSpeech({ model: 'gpt-4o-mini-tts', voice: 'coral', input: sentence, response_format: 'wav' }, path);
  console.log(`  spoke "${sentence}" into ${saved.path} (${saved.bytes.toLocaleString('en-US')} bytes, streamed to disk)`);
  let streamed = '';
  for await (const piece of client.audio.transcribeStream({ file: { path }, model: 'gpt-4o-mini-transcribe' }).textStream()) streamed += piece;
  console.log(`  transcribed back: "${streamed.trim()}"`);
  const subtitles = await client.audio.transcribe({ file: { path }, model: 'whisper-1', response_format: 'srt' });
  console.log(`  as subtitles:\n${subtitles.trim().split('\n').map((line) => `    ${line}`).join('\n')}`);
}
