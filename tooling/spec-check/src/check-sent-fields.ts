/**
 * Check 3: a call with the minimal body sends one request, to the right method and URL, whose
 * JSON carries no field the spec does not declare for the operation (a default our service adds,
 * like embeddings' `encoding_format: 'base64'`, must be a declared one) and is valid for the spec.
 */
import { BASE_URL, capturingClient } from './capturing-fetch.js';
import { validPathParams } from './check-path-params.js';
import { settle } from './rejection.js';
import type { RegisteredOperation } from './registries.js';
import { leavesOf } from './schema-leaves.js';
import type { SpecDocument, SpecOperation, SpecSchema } from './spec-document.js';
import { specAccepts } from './spec-validator.js';

/** What check 3 found for one operation. */
export interface SentFieldsReport {
  /** The top-level keys the service sent. */
  sentKeys: string[];
  problems: string[];
}

/** Every top-level property the spec declares for a body schema (across `allOf` and unions). */
export function declaredProperties(spec: SpecDocument, bodySchema: SpecSchema): Set<string> {
  return new Set(leavesOf(spec, bodySchema).flatMap((leaf) => Object.keys(leaf.schema.properties ?? {})));
}

/** Runs check 3 with `minimalBody` (undefined for operations without a body). */
export async function checkSentFields(spec: SpecDocument, registered: RegisteredOperation, specOperation: SpecOperation | undefined, bodySchema: SpecSchema | undefined, minimalBody: unknown): Promise<SentFieldsReport> {
  const { operation } = registered;
  const pathParams = validPathParams(specOperation, operation.path);
  const { options, requests } = capturingClient();
  const outcome = await settle(registered.call(options, { pathParams, body: minimalBody }));
  const problems: string[] = [];
  if (outcome.rejected) problems.push(`the minimal call was rejected (${outcome.kind}): ${outcome.message}`);
  if (requests.length !== 1) return { sentKeys: [], problems: [...problems, `the minimal call sent ${requests.length} requests, expected 1`] };
  const request = requests[0]!;
  const expectedUrl = BASE_URL + operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(pathParams[name]!));
  if (request.method !== operation.method) problems.push(`sent ${request.method}, expected ${operation.method}`);
  if (request.url.split('?')[0] !== expectedUrl) problems.push(`sent to ${request.url}, expected ${expectedUrl}`);
  if (bodySchema === undefined) {
    if (request.json !== undefined) problems.push('sent a JSON body to an operation that takes none');
    return { sentKeys: [], problems };
  }
  const sent = (request.json ?? {}) as Record<string, unknown>;
  const declared = declaredProperties(spec, bodySchema);
  const undeclared = Object.keys(sent).filter((key) => !declared.has(key));
  if (undeclared.length > 0) problems.push(`sent fields the spec does not declare: ${undeclared.join(', ')}`);
  if (!specAccepts(spec, bodySchema, sent)) problems.push(`the sent body is not valid for the spec: ${JSON.stringify(sent).slice(0, 200)}`);
  return { sentKeys: Object.keys(sent), problems };
}
