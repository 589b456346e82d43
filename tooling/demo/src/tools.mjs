// A tool loop: the model asks for two tools, they run concurrently, the answer uses both.
import { zodFunction } from '@integrations/openai/zod';
import { z } from 'zod';
import { heading } from './setup.mjs';

export async function toolExample({ client, mock, models }) {
  heading('Tool loop (two tools, run concurrently)');
  const getWeather = zodFunction({
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: z.object({ city: z.string() }),
    function: async ({ city }) => ({ city, celsius: 19, conditions: 'light rain' }),
  });
  const getTime = zodFunction({
    name: 'get_local_time',
    description: 'Local time in an IANA time zone',
    parameters: z.object({ zone: z.string() }),
    function: async ({ zone }) => new Date(Date.UTC(2026, 10, 23, 17, 0)).toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }),
  });
  mock?.chat.reply(
    { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }, { name: 'get_local_time', arguments: { zone: 'Europe/Paris' } }] },
    (request) => {
      const results = request.json.messages.filter((message) => message.role === 'tool').map((message) => message.content);
      return `In Paris it is ${JSON.parse(results[0]).celsius}°C with light rain, and the local time is ${results[1]}.`;
    },
  );
  const { completion, rounds } = await client.chat.runTools(
    { model: models.chat, messages: [{ role: 'user', content: 'What is the weather and the local time in Paris?' }], tools: [getWeather, getTime] },
    { onToolResult: ({ toolCall, result }) => console.log(`  tool ${toolCall.function.name}(${toolCall.function.arguments}) → ${result}`) },
  );
  console.log(completion.choices[0].message.content);
  console.log(`(${rounds} model turns)`);
}
