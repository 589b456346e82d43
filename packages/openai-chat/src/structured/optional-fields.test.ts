/**
 * `.optional()` fields work in strict Structured Outputs: sent as required-and-nullable, and a
 * `null` from the model comes back as an absent field, so the user's own zod type holds.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mockChat, useMockOpenAI } from '../../test/helpers.js';
import { zodFunction, zodResponseFormat } from '../zod.js';

const mock = useMockOpenAI();
const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'plan it' }] };

const Step = z.object({ title: z.string(), note: z.string().optional() });
const Plan = z.object({
  name: z.string(),
  owner: z.object({ id: z.string(), email: z.string().optional() }),
  steps: z.array(Step),
  budget: z.number().nullable().optional(),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('date'), date: z.string(), timezone: z.string().optional() }),
    z.object({ kind: z.literal('milestone'), label: z.string().optional() }),
  ]),
});

/** What the model returns in strict mode: every field present, `null` where it has nothing. */
const answer = {
  name: 'launch',
  owner: { id: 'u1', email: null },
  steps: [{ title: 'write', note: null }, { title: 'ship', note: 'friday' }],
  budget: null,
  target: { kind: 'date', date: '2026-12-24', timezone: null },
};

describe('optional fields in strict structured outputs', () => {
  it('sends every optional field as required and nullable, nested, in arrays and in unions', async () => {
    const format = zodResponseFormat(Plan, 'plan');
    const schema = format.json_schema.schema as { required: string[]; properties: Record<string, any> };
    expect(schema.required).toEqual(['name', 'owner', 'steps', 'budget', 'target']);
    expect(schema.properties.owner.required).toEqual(['id', 'email']);
    expect(schema.properties.owner.properties.email).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    expect(schema.properties.steps.items.required).toEqual(['title', 'note']);
    expect(JSON.stringify(schema.properties.target)).toContain('"required":["kind","date","timezone"]');
  });

  it("turns the model's null back into an absent field before the user's schema parses it", async () => {
    mock.chat.reply(JSON.stringify(answer));
    const completion = await mockChat().parse({ ...ask, response_format: zodResponseFormat(Plan, 'plan') });
    const parsed = completion.choices[0]!.message.parsed!;
    expect(parsed).toEqual({
      name: 'launch',
      owner: { id: 'u1' },
      steps: [{ title: 'write' }, { title: 'ship', note: 'friday' }],
      budget: null, // .nullable().optional() keeps its null
      target: { kind: 'date', date: '2026-12-24' },
    });
    expect('email' in parsed.owner).toBe(false);
  });

  it('picks the right union branch when restoring', async () => {
    mock.chat.reply(JSON.stringify({ ...answer, target: { kind: 'milestone', label: null } }));
    const completion = await mockChat().parse({ ...ask, response_format: zodResponseFormat(Plan, 'plan') });
    expect(completion.choices[0]!.message.parsed!.target).toEqual({ kind: 'milestone' });
  });

  it('does the same for tool arguments in zodFunction and runTools', async () => {
    const seen: unknown[] = [];
    const search = zodFunction({
      name: 'search',
      parameters: z.object({ query: z.string(), filters: z.array(z.object({ field: z.string(), value: z.string().optional() })).optional() }),
      function: (args) => {
        seen.push(args);
        return 'found';
      },
    });
    expect((search.function.parameters as { required: string[] }).required).toEqual(['query', 'filters']);
    mock.chat.reply({ toolCalls: [{ name: 'search', arguments: { query: 'q', filters: [{ field: 'a', value: null }] } }] }, 'done');
    await mockChat().runTools({ ...ask, tools: [search] });
    mock.chat.reply({ toolCalls: [{ name: 'search', arguments: { query: 'q', filters: null } }] }, 'done');
    await mockChat().runTools({ ...ask, tools: [search] });
    expect(seen).toEqual([{ query: 'q', filters: [{ field: 'a' }] }, { query: 'q' }]);
  });
});
