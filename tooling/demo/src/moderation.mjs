// Moderation of text and of text with an image.
import { flaggedCategories } from '@integrations/openai';
import { heading } from './setup.mjs';

export async function moderationExample({ client }) {
  heading('Moderation');
  const { results } = await client.moderations.create({ model: 'omni-moderation-latest', input: ['What a lovely morning.', 'I will kill you.'] });
  results.forEach((result, index) => console.log(`  input ${index + 1}: ${result.flagged ? `flagged (${flaggedCategories(result).join(', ')})` : 'ok'}`));
}
