/**
 * Check 4: a path parameter that would leave or empty its segment ('', '  ', '.', '..' and
 * their percent-encoded spellings) is refused before sending; a valid id with '/' or '?' is
 * percent-encoded, so it stays one segment and never becomes a query.
 */
import { pathParamNames } from '@integrations/openai-core';
import { BASE_URL, capturingClient } from './capturing-fetch.js';
import { isValidationRejection, settle } from './rejection.js';
import type { RegisteredOperation } from './registries.js';
import type { SpecOperation } from './spec-document.js';

/** Ids the URL parser would resolve away or that name nothing. */
export const UNSAFE_IDS = ['', '  ', '.', '..', '%2e', '%2E%2e', '.%2e'] as const;

/** A valid value per path parameter: the spec's example, else a plain id. */
export function validPathParams(specOperation: SpecOperation | undefined, template: string): Record<string, string> {
  const examples = new Map<string, unknown>();
  for (const parameter of specOperation?.parameters ?? []) {
    if ('in' in parameter && parameter.in === 'path') examples.set(parameter.name, parameter.schema?.example);
  }
  return Object.fromEntries(pathParamNames(template).map((name) => {
    const example = examples.get(name);
    return [name, typeof example === 'string' && example !== '' ? example : `${name}-123`];
  }));
}

/** What check 4 found for one operation. */
export interface PathParamReport {
  probed: number;
  problems: string[];
}

/** Runs check 4; `body` is a valid body for operations that take one. */
export async function checkPathParams(registered: RegisteredOperation, specOperation: SpecOperation | undefined, body: unknown): Promise<PathParamReport> {
  const { operation } = registered;
  const valid = validPathParams(specOperation, operation.path);
  const problems: string[] = [];
  let probed = 0;
  for (const name of pathParamNames(operation.path)) {
    for (const unsafe of UNSAFE_IDS) {
      probed++;
      const { options, requests } = capturingClient();
      const outcome = await settle(registered.call(options, { pathParams: { ...valid, [name]: unsafe }, body }));
      if (!isValidationRejection(outcome) || requests.length > 0) {
        problems.push(`${name}=${JSON.stringify(unsafe)}: ${outcome.rejected ? `rejected as ${outcome.kind}` : 'resolved'} after ${requests.length} request(s); expected a validation rejection and none`);
      }
    }
    probed++;
    const id = `${valid[name]}/x?y=1`;
    const { options, requests } = capturingClient();
    const outcome = await settle(registered.call(options, { pathParams: { ...valid, [name]: id }, body }));
    const expected = BASE_URL + operation.path.replace(/\{([^}]+)\}/g, (_match, param: string) => encodeURIComponent(param === name ? id : valid[param]!));
    const sent = requests[0]?.url.split('?')[0];
    if (outcome.rejected || requests.length !== 1 || sent !== expected) {
      problems.push(`${name}=${JSON.stringify(id)}: expected one request to ${expected}, got ${requests.map((request) => request.url).join(', ') || 'none'}${outcome.rejected ? ` (${outcome.message})` : ''}`);
    }
  }
  return { probed, problems };
}
