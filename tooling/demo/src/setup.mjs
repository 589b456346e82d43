// Where the demo talks to: the loopback testing server (no key needed), or the real API.
import { createOpenAIClient } from '@integrations/openai';
import { startMockServer } from '@integrations/openai-testing';

/** Prints a heading for each example. */
export function heading(title) {
  console.log(`\n\u001b[1m━━ ${title} ━━\u001b[0m`);
}

/**
 * The client for the examples, and the mock server when there is no key.
 * @returns {Promise<{ client: import('@integrations/openai').OpenAIClient, mock: import('@integrations/openai-testing').MockServer | undefined, models: { chat: string, embeddings: string } }>}
 */
export async function setup() {
  const models = { chat: process.env.DEMO_CHAT_MODEL ?? 'gpt-4o-mini', embeddings: 'text-embedding-3-small' };
  if (process.env.OPENAI_API_KEY) {
    console.log(`Using the API at ${process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1'} (OPENAI_API_KEY is set).`);
    return { client: createOpenAIClient({ logLevel: 'warn' }), mock: undefined, models };
  }
  // Batches move a step every 300 ms, so the progress line has something to show.
  const mock = await startMockServer({ streamIntervalMs: 12, batchStepMs: 300 });
  console.log(`OPENAI_API_KEY is not set: using the loopback testing server at ${mock.baseUrl}.`);
  return { client: createOpenAIClient({ apiKey: 'sk-demo', baseUrl: mock.baseUrl, logLevel: 'warn' }), mock, models };
}
