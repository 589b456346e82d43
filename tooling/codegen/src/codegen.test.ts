import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chatOperations } from '@integrations/openai-chat';
import { defaultSpecPath, loadSpec } from '@integrations/spec-check/spec-document';
import { registeredOperations } from '@integrations/spec-check/registries';
import { failuresOf, runSpecCheck } from '@integrations/spec-check/run-spec-check';
import { describe, expect, it } from 'vitest';
import { createChatCompletionRequestSchema } from '../../../packages/openai-chat/src/generated/create-chat-completion.js';
import { generateAll } from './generate-all.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const spec = loadSpec(defaultSpecPath(repoRoot));

describe('the generated files', () => {
  it.each(generateAll(spec).map((file) => [file.path, file] as const))('%s is what the generator writes today', (_path, file) => {
    const committed = readFileSync(join(repoRoot, file.path), 'utf8');
    // On failure: run `node tooling/codegen/src/main.mjs` and commit the result.
    expect(committed, `${file.path} is stale; run node tooling/codegen/src/main.mjs`).toBe(file.content);
  });
});

describe("the generated chat schema (chat validates with its hand-written one, and publishes the generated types)", () => {
  it('passes the spec check in place of the hand-written one', async () => {
    const registered = registeredOperations.find((each) => each.operation.operationId === 'createChatCompletion')!;
    const preview = { ...registered, operation: { ...chatOperations.createChatCompletion, requestSchema: createChatCompletionRequestSchema } as typeof registered.operation };
    expect(failuresOf(await runSpecCheck(spec, [preview]))).toEqual([]);
  });
});
