// `pnpm demo`: runs every example end to end and exits 0, or prints the failure and exits 1.
import { chatExamples } from './chat.mjs';
import { embeddingsExample } from './embeddings.mjs';
import { audioExample, imageExample } from './media.mjs';
import { batchExample, filesExample } from './files-and-batches.mjs';
import { moderationExample } from './moderation.mjs';
import { resilienceExample } from './resilience.mjs';
import { setup } from './setup.mjs';
import { structuredExample } from './structured.mjs';
import { toolExample } from './tools.mjs';

const context = await setup();
try {
  await chatExamples(context);
  await toolExample(context);
  await structuredExample(context);
  await embeddingsExample(context);
  await moderationExample(context);
  await imageExample(context);
  await audioExample(context);
  await filesExample(context);
  await batchExample(context);
  await resilienceExample();
  console.log('\nAll examples ran.');
} catch (error) {
  console.error('\nAn example failed:', error);
  process.exitCode = 1;
} finally {
  await context.mock?.close();
}
