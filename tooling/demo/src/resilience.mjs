// Resilience, always against a local server (the real API cannot be asked to fail on cue):
// a 429 answered by a retry, then a dead server that opens the circuit breaker.
import { createOpenAIClient, getResponseMeta, ServerError } from '@integrations/openai';
import { apiError, startMockServer } from '@integrations/openai-testing';
import { heading } from './setup.mjs';

export async function resilienceExample() {
  heading('Resilience: a 429 answered by a retry, and a circuit that opens');
  const server = await startMockServer();
  try {
    const client = createOpenAIClient({
      apiKey: 'sk-demo', baseUrl: server.baseUrl, logLevel: 'off',
      circuitBreaker: { failureThreshold: 3, recoveryTimeoutMs: 30_000 },
      hooks: {
        retry: { onRetry: ({ attempt, delayMs, error }) => console.log(`  attempt ${attempt} failed (${error.status} ${error.kind}); retrying in ${delayMs} ms`) },
        circuitBreaker: { onStateChange: ({ from, to }) => console.log(`  circuit breaker: ${from} → ${to}`) },
      },
    });
    const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Are you there?' }] };

    server.faults.next({ status: 429, headers: { 'retry-after-ms': '250' }, body: apiError('Rate limit reached for requests', 'requests', 'rate_limit_exceeded') });
    const answered = await client.chat.create(ask);
    console.log(`  answered after ${getResponseMeta(answered).attempts} attempts: "${answered.choices[0].message.content}"`);

    server.faults.always({ status: 503, body: apiError('The server is overloaded') });
    for (let call = 1; call <= 4; call++) {
      try {
        await client.chat.create(ask, { maxRetries: 0 });
      } catch (error) {
        if (!ServerError.isInstance(error)) throw error;
        console.log(`  call ${call}: ${error.kind}${error.kind === 'circuit_open' ? ` (no request sent; probe in ${Math.round(error.retryAfterMs / 1000)} s)` : ` (${error.status})`}`);
      }
    }
    console.log(`  the server saw ${server.requests.length} requests for 5 calls`);
  } finally {
    await server.close();
  }
}
