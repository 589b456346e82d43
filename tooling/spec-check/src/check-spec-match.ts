/**
 * Check 1: the operation exists in the spec as we registered it: path, method, operationId,
 * how the body is sent, and the names of the path parameters.
 */
import { pathParamNames } from '@integrations/openai-core';
import type { RegisteredOperation } from './registries.js';
import type { SpecDocument, SpecOperation, SpecSchema } from './spec-document.js';

/** The spec's side of one registered operation, and what does not match. */
export interface SpecMatch {
  specOperation?: SpecOperation;
  /** The JSON (or multipart) request body schema, when the operation takes one. */
  bodySchema?: SpecSchema;
  problems: string[];
}

const CONTENT_TYPES = { json: 'application/json', multipart: 'multipart/form-data' } as const;

/** Finds the operation in the spec and compares it with ours. */
export function matchSpecOperation(spec: SpecDocument, { operation }: RegisteredOperation): SpecMatch {
  const pathItem = spec.paths[operation.path];
  if (pathItem === undefined) return { problems: [`path ${operation.path} is not in the spec`] };
  const specOperation = pathItem[operation.method.toLowerCase()];
  if (specOperation === undefined) return { problems: [`${operation.method} ${operation.path} is not in the spec`] };
  const problems: string[] = [];
  if (specOperation.operationId !== operation.operationId) {
    problems.push(`the spec names ${operation.method} ${operation.path} "${specOperation.operationId}", we name it "${operation.operationId}"`);
  }
  const content = specOperation.requestBody?.content ?? {};
  const specKinds = Object.keys(content);
  const contentType = operation.requestBody ? CONTENT_TYPES[operation.requestBody] : undefined;
  if (contentType === undefined && specKinds.length > 0) problems.push(`the spec takes a ${specKinds.join(' or ')} body; we send none`);
  if (contentType !== undefined && !specKinds.includes(contentType)) problems.push(`we send ${contentType}; the spec takes ${specKinds.join(' or ') || 'no body'}`);
  if (contentType !== undefined && operation.requestSchema === undefined) problems.push('a body is sent but no requestSchema validates it');
  const specParams = (specOperation.parameters ?? []).filter((parameter): parameter is { name: string; in: string } => 'in' in parameter && parameter.in === 'path').map((parameter) => parameter.name);
  const ourParams = pathParamNames(operation.path);
  if (specParams.sort().join() !== [...ourParams].sort().join()) problems.push(`path parameters: spec [${specParams}], ours [${ourParams}]`);
  const bodySchema = contentType === undefined ? undefined : content[contentType]?.schema;
  return { specOperation, bodySchema, problems };
}
