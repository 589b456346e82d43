// Embeddings as Float32Array, and a small similarity search.
import { heading } from './setup.mjs';

function cosine(a, b) {
  let dot = 0, normA = 0, normB = 0;
  for (let index = 0; index < a.length; index++) {
    dot += a[index] * b[index];
    normA += a[index] * a[index];
    normB += b[index] * b[index];
  }
  return dot / Math.sqrt(normA * normB);
}

export async function embeddingsExample({ client, models }) {
  heading('Embeddings and a similarity search');
  const documents = [
    'How to reset a forgotten password',
    'Shipping times for international orders',
    'Our refund policy for damaged items',
    'Changing the email address on your account',
  ];
  const query = 'I forgot my password';
  const { embeddings, usage, requests } = await client.embeddings.embedMany([query, ...documents], { model: models.embeddings });
  const [queryVector, ...documentVectors] = embeddings;
  const ranked = documents.map((text, index) => ({ text, score: cosine(queryVector, documentVectors[index]) })).sort((a, b) => b.score - a.score);
  console.log(`query: "${query}" (${queryVector.constructor.name} of ${queryVector.length} dimensions, ${requests} request, ${usage.total_tokens} tokens)`);
  for (const { text, score } of ranked) console.log(`  ${score.toFixed(3)}  ${text}`);
}
