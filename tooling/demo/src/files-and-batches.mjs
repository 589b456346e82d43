// Files (upload, list, stream back) and a batch of 20 chat requests: submitted in one call,
// waited for with a progress line, and each result printed next to its question.
import { getResponseMeta, toFile } from '@integrations/openai';
import { heading } from './setup.mjs';

const QUESTIONS = [
  'the capital of France', 'the largest planet', 'the boiling point of water at sea level', 'the author of Hamlet',
  'the speed of light', 'the tallest mountain', 'the chemical symbol for gold', 'the smallest prime number',
  'the longest river', 'the year the Berlin Wall fell', 'the square root of 144', 'the main gas in the air',
  'the fastest land animal', 'the hardest natural material', 'the currency of Japan', 'the freezing point of water in Fahrenheit',
  'the number of continents', 'the painter of the Mona Lisa', 'the largest ocean', 'the language with the most native speakers',
];

/** How long to wait for the batch on the real API before cancelling it (a batch may take up to 24 h). */
const REAL_API_WAIT_MS = Number(process.env.DEMO_BATCH_WAIT_MS ?? 120_000);

export async function filesExample({ client }) {
  heading('Files: upload, list, stream back');
  const notes = toFile(new TextEncoder().encode('{"note":"hello from the demo"}\n'), 'demo-notes.jsonl');
  let sent = 0;
  const file = await client.files.upload({ file: notes, purpose: 'user_data' }, { onUploadProgress: ({ loaded }) => (sent = loaded) });
  console.log(`  uploaded ${file.filename} as ${file.id}: ${file.bytes} bytes of content, ${sent} sent with the form (request ${getResponseMeta(file).requestId})`);
  let count = 0;
  for await (const _file of client.files.list({ limit: 100 })) count++;
  console.log(`  ${count} file(s) in the account`);
  const stream = client.files.contentStream(file.id);
  console.log(`  streamed back: ${(await new Response(stream).text()).trim()}`);
  await client.files.delete(file.id);
}

export async function batchExample({ client, mock, models }) {
  heading('Batch: 20 chat requests, submitted, waited for, matched to their questions');
  const requests = QUESTIONS.map((topic, index) => ({
    custom_id: `question-${index + 1}`,
    body: { model: models.chat, max_completion_tokens: 50, messages: [{ role: 'user', content: `In a few words: what is ${topic}?` }] },
  }));
  const batch = await client.batches.submit(requests, { endpoint: '/v1/chat/completions', metadata: { source: 'pnpm demo' } });
  console.log(`  submitted ${batch.id}: ${requests.length} requests in input file ${batch.input_file_id}`);
  let done;
  let line = '';
  try {
    done = await client.batches.waitFor(batch, {
      pollInterval: mock ? 100 : 5_000,
      deadline: mock ? 60_000 : REAL_API_WAIT_MS,
      onProgress: ({ status, request_counts: { total, completed, failed } }) => {
        const next = `  ${status.padEnd(11)} ${completed}/${total} done, ${failed} failed`;
        // One line rewritten in a terminal; one line per change in a log.
        if (next !== line) process.stdout.write(process.stdout.isTTY ? `\r${(line = next).padEnd(50)}` : `${line === '' ? '' : '\n'}${(line = next)}`);
      },
    });
  } catch (error) {
    if (error.kind !== 'timeout') throw error;
    await client.batches.cancel(batch.id);
    console.log(`\n  still running after ${REAL_API_WAIT_MS / 1000} s (batches may take up to 24 h): cancelled it. Set DEMO_BATCH_WAIT_MS to wait longer.`);
    return;
  }
  console.log('');
  const results = await client.batches.resultsByCustomId(done);
  requests.forEach((request, index) => {
    const result = results.get(request.custom_id);
    const answer = result === undefined ? '(no result)' : result.ok ? result.response.choices[0].message.content : `error: ${result.error.message}`;
    console.log(`  ${request.custom_id.padEnd(12)} ${QUESTIONS[index].padEnd(42)} → ${answer}`);
  });
}
