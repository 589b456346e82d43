// Structured output: the answer is parsed and typed by a zod schema.
import { zodResponseFormat } from '@integrations/openai/zod';
import { z } from 'zod';
import { heading } from './setup.mjs';

export async function structuredExample({ client, mock, models }) {
  heading('Structured output with zod');
  const Meeting = z.object({
    title: z.string(),
    day: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']),
    attendees: z.array(z.string()),
    online: z.boolean(),
  });
  mock?.chat.reply(JSON.stringify({ title: 'Roadmap review', day: 'friday', attendees: ['Alice', 'Bob'], online: true }));
  const completion = await client.chat.parse({
    model: models.chat,
    messages: [{ role: 'user', content: 'Alice and Bob review the roadmap on Friday over video call.' }],
    response_format: zodResponseFormat(Meeting, 'meeting'),
  });
  const meeting = completion.choices[0].message.parsed;
  console.log(meeting);
  console.log(`(${meeting.attendees.length} attendees, on ${meeting.day})`);
}
