/**
 * Structured outputs and function tools from zod 4 schemas: the JSON Schema comes from zod's
 * own `toJSONSchema`, and the schema is kept (under a symbol, so it is never sent) to parse
 * and type what the model returns. zod is a peer dependency so these are the caller's zod.
 */
import { ResponseError, type ValidationIssue } from '@integrations/openai-core';
import * as z from 'zod/mini';
import type { $ZodType, output } from 'zod/v4/core';
import { assertZod4Schema } from './assert-zod4-schema.js';
import { PARSE, RUN, type ToolContext, type ZodFunctionTool, type ZodResponseFormat } from './helper-types.js';
import { toStrictJsonSchema } from './strict-json-schema.js';

export { PARSE, RUN, type ToolContext, type ZodFunctionTool, type ZodResponseFormat };

function parseWith<T>(schema: $ZodType, what: string, restore: (value: unknown) => unknown): (text: string) => T {
  return (text) => {
    let value: unknown;
    try {
      value = restore(JSON.parse(text));
    } catch (error) {
      throw new ResponseError({ kind: 'invalid_json', message: `The model's ${what} is not valid JSON: ${JSON.stringify(text.slice(0, 200))}`, cause: error });
    }
    const result = z.safeParse(schema, value);
    if (result.success) return result.data as T;
    const issues: ValidationIssue[] = result.error.issues.map((issue) => ({ path: issue.path.join('.') || '$', message: issue.message }));
    throw new ResponseError({ kind: 'invalid_response', message: `The model's ${what} does not match the schema: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, issues });
  };
}

/**
 * A response format for Structured Outputs from a zod schema.
 *
 * @example
 * const Event = z.object({ name: z.string(), date: z.string(), attendees: z.array(z.string()) });
 * const completion = await chat.parse({ model, messages, response_format: zodResponseFormat(Event, 'event') });
 * completion.choices[0].message.parsed; // typed as z.infer<typeof Event>
 */
export function zodResponseFormat<S extends $ZodType>(schema: S, name: string, options: { description?: string; strict?: boolean } = {}): ZodResponseFormat<output<S>> {
  assertZod4Schema(schema, 'zodResponseFormat');
  const strict = options.strict ?? true;
  const json = toStrictJsonSchema(schema, strict);
  const format = {
    type: 'json_schema' as const,
    json_schema: { name, ...(options.description ? { description: options.description } : {}), schema: json.schema, strict },
  };
  Object.defineProperty(format, PARSE, { value: parseWith<output<S>>(schema, 'answer', json.restore) });
  return format as ZodResponseFormat<output<S>>;
}

/**
 * A function tool from a zod schema; give `function` to let `runTools` call it.
 *
 * @example
 * const getWeather = zodFunction({
 *   name: 'get_weather',
 *   parameters: z.object({ city: z.string() }),
 *   function: async ({ city }) => ({ city, celsius: 21 }),
 * });
 */
export function zodFunction<S extends $ZodType>(options: {
  name: string;
  description?: string;
  parameters: S;
  strict?: boolean;
  function?: (args: output<S>, context: ToolContext) => unknown;
}): ZodFunctionTool<output<S>> {
  assertZod4Schema(options?.parameters, 'zodFunction');
  const strict = options.strict ?? true;
  const json = toStrictJsonSchema(options.parameters, strict);
  const tool = {
    type: 'function' as const,
    function: { name: options.name, ...(options.description ? { description: options.description } : {}), parameters: json.schema, strict },
  };
  Object.defineProperty(tool, PARSE, { value: parseWith<output<S>>(options.parameters, `arguments for ${options.name}`, json.restore) });
  if (options.function) Object.defineProperty(tool, RUN, { value: options.function });
  return tool as ZodFunctionTool<output<S>>;
}
