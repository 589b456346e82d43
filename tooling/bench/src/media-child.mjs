// One memory measurement in a fresh process (so nothing else the bench did counts): prints
// JSON with the peak resident set size. `speech <baseUrl> <bytes>` reads a whole speechStream;
// `fetch <baseUrl> <bytes>` reads the same answer with a bare fetch (the floor, same imports);
// `edit <baseUrl> <path>` uploads the file at path with images.edit({ image: { path } }).
import { createAudioService } from '@integrations/openai-audio';
import { createImagesService } from '@integrations/openai-images';

const [task, baseUrl, argument] = process.argv.slice(2);
const options = { apiKey: 'sk-bench', baseUrl, logLevel: 'off', maxRetries: 0 };
const MiB = 1024 * 1024;
const startRss = process.memoryUsage().rss;
let bytes = 0;
if (task === 'speech') {
  // bench_bytes is the bench server's own knob; the service passes unknown fields through.
  const stream = createAudioService(options).speechStream({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'A long read.', bench_bytes: Number(argument) });
  for await (const chunk of stream) bytes += chunk.byteLength;
} else if (task === 'fetch') {
  const response = await fetch(`${baseUrl}/audio/speech`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bench_bytes: Number(argument) }) });
  for await (const chunk of response.body) bytes += chunk.byteLength;
} else if (task === 'edit') {
  const result = await createImagesService(options).edit({ image: { path: argument }, prompt: 'bench', model: 'gpt-image-1' });
  bytes = result.data.length;
}
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ task, bytes, startRssMiB: startRss / MiB, peakRssMiB: peak / MiB }));
