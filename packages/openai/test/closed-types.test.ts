/**
 * Request types are closed: a misspelt field is a compile error whose message names the
 * interface (as with the official SDK), not a structural dump. Each snippet is compiled with
 * the TypeScript compiler against the packages' sources, and its first diagnostic is read.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const prelude = `
import { createOpenAIClient } from '../src/index.js';
const client = createOpenAIClient({ apiKey: 'sk-test' });
`;

const SNIPPETS = {
  correct: `void client.chat.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi', name: 'a' }], temperature: 0.2 });
void client.embeddings.create({ model: 'text-embedding-3-small', input: 'x', dimensions: 256 });
void client.moderations.create({ input: 'x' });`,
  chatField: `void client.chat.create({ model: 'gpt-4o-mini', messages: [], temprature: 0.2 });`,
  messageField: `void client.chat.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi', nmae: 'a' }] });`,
  streamField: `void client.chat.createStream({ model: 'gpt-4o-mini', messages: [], max_token: 5 });`,
  embeddingsField: `void client.embeddings.create({ model: 'text-embedding-3-small', input: 'x', dimension: 256 });`,
  moderationsField: `void client.moderations.create({ inputs: 'x' });`,
} as const;

let diagnostics: Record<keyof typeof SNIPPETS, string[]>;

beforeAll(() => {
  const files = Object.fromEntries(Object.entries(SNIPPETS).map(([name, body]) => [join(here, `__closed_${name}.ts`), prelude + body]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['@integrations/source'], strict: true, noEmit: true, skipLibCheck: true, types: ['node'],
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => files[file] ?? readFile(file);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file in files || fileExists(file);
  const program = ts.createProgram(Object.keys(files), options, host);
  diagnostics = Object.fromEntries(Object.keys(SNIPPETS).map((name) => {
    const source = program.getSourceFile(join(here, `__closed_${name}.ts`))!;
    return [name, [...program.getSemanticDiagnostics(source), ...program.getSyntacticDiagnostics(source)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))];
  })) as typeof diagnostics;
}, 120_000);

describe('closed request types', () => {
  it('compiles correct calls without a diagnostic', () => {
    expect(diagnostics.correct).toEqual([]);
  });

  it.each([
    ['chatField', 'temprature', 'CreateChatCompletionRequest'],
    ['messageField', 'nmae', 'ChatCompletionRequestUserMessage'],
    ['streamField', 'max_token', 'CreateChatCompletionRequest'],
    ['embeddingsField', 'dimension', 'CreateEmbeddingRequest'],
    ['moderationsField', 'inputs', 'CreateModerationRequest'],
  ] as const)('refuses a misspelt field (%s: %s), naming %s in a short message', (snippet, field, named) => {
    const [first] = diagnostics[snippet];
    expect(first).toBeDefined();
    expect(first).toContain(`'${field}'`);
    expect(first).toContain(named);
    expect(first!.split('\n')[0]!.length).toBeLessThan(200);
  });
});
