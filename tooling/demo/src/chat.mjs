// A plain chat completion, then the same kind of question streamed to the terminal.
import { getResponseMeta } from '@integrations/openai';
import { heading } from './setup.mjs';

export async function chatExamples({ client, mock, models }) {
  heading('Chat completion');
  mock?.chat.reply('Bonjour ! Je suis ravi de vous aider.');
  const completion = await client.chat.create({
    model: models.chat,
    messages: [{ role: 'developer', content: 'Answer in one short sentence.' }, { role: 'user', content: 'Say hello in French.' }],
  });
  const meta = getResponseMeta(completion);
  console.log(completion.choices[0].message.content);
  console.log(`(request ${meta.requestId}, ${completion.usage.total_tokens} tokens, ${meta.durationMs} ms)`);

  heading('Streaming to the terminal');
  mock?.chat.reply('Streams arrive piece by piece: each chunk is printed the moment it lands, and the final completion is assembled for you.');
  const stream = client.chat.createStream({
    model: models.chat,
    messages: [{ role: 'user', content: 'In one sentence, how does streaming work?' }],
    stream_options: { include_usage: true },
  });
  for await (const text of stream.textStream()) process.stdout.write(text);
  const final = await stream.finalChatCompletion();
  console.log(`\n(finish: ${final.choices[0].finish_reason}, usage: ${final.usage?.total_tokens} tokens)`);
}
