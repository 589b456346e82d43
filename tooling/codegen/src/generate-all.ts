/** Every configured file, generated in memory (the writer and the staleness test share this). */
import type { SpecDocument } from '@integrations/spec-check/spec-document';
import { generatedOperations } from './codegen-config.js';
import { generateOperationFile, type GeneratedFile } from './generate-file.js';

/** The files for every operation in codegen-config.ts. */
export function generateAll(spec: SpecDocument): GeneratedFile[] {
  return generatedOperations.map((config) => generateOperationFile(spec, config));
}
