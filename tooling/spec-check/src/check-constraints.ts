/**
 * Check 2: every constraint the spec declares on the request body is enforced by our
 * requestSchema. Each probe body must fail `safeParse`; a sample also goes through the service
 * and must be rejected as `validation` with nothing sent. The spec's own examples, the minimal
 * body and a valid value at every field must pass.
 */
import { capturingClient } from './capturing-fetch.js';
import { probeRequestBody, type CoRequirements, type Probe } from './constraint-probes.js';
import { binaryFields, withFiles } from './multipart-body.js';
import { isValidationRejection, settle } from './rejection.js';
import type { RegisteredOperation } from './registries.js';
import { requestExamples } from './request-examples.js';
import type { SpecDocument, SpecOperation, SpecSchema } from './spec-document.js';
import { specAccepts } from './spec-validator.js';

/** One probed constraint: `holds` when our schema refuses the value outside it (or, for `accepts-valid`, accepts the valid one). */
export interface ConstraintOutcome {
  field: string;
  constraint: string;
  holds: boolean;
}

/** What check 2 found for one operation. */
export interface ConstraintReport {
  minimalBody: unknown;
  outcomes: ConstraintOutcome[];
  examples: { title: string; accepted?: boolean; skipped?: string }[];
  /** Probes also sent through the service. */
  invoked: number;
  problems: string[];
  notes: string[];
}

/** How many refused probes go through the real service method as well. */
const INVOKE_SAMPLE = 8;

function sampleOf(probes: Probe[]): Probe[] {
  const required = probes.filter((probe) => probe.constraint === 'required' && !probe.field.includes('.'));
  const step = Math.max(1, Math.floor(probes.length / INVOKE_SAMPLE));
  return [...new Set([...required, ...probes.filter((_probe, index) => index % step === 0).slice(0, INVOKE_SAMPLE)])];
}

/** Runs check 2 for an operation that takes a body. */
export async function checkConstraints(
  spec: SpecDocument, registered: RegisteredOperation, specOperation: SpecOperation, bodySchema: SpecSchema,
  pathParams: Record<string, string>, rules: CoRequirements = {},
): Promise<ConstraintReport> {
  // A domain package's schema loads (with zod) on first use.
  const schema = await registered.operation.requestSchema!();
  // A multipart body's file fields hold strings in the probes; the service takes files.
  const files = registered.operation.requestBody === 'multipart' ? binaryFields(spec, bodySchema) : new Set<string>();
  const asSent = (body: unknown) => withFiles(body, files);
  const ours = (body: unknown) => schema.safeParse(asSent(body)).success;
  const { minimalBody, probes, controls } = probeRequestBody(spec, bodySchema, rules);
  const problems: string[] = [];
  const notes: string[] = [];
  if (!specAccepts(spec, bodySchema, minimalBody)) problems.push(`internal: the generated minimal body is not valid for the spec: ${JSON.stringify(minimalBody)}`);
  if (!ours(minimalBody)) problems.push(`the minimal valid body is refused: ${JSON.stringify(minimalBody)}`);

  const outcomes: ConstraintOutcome[] = probes.map((probe) => ({ field: probe.field, constraint: probe.constraint, holds: !ours(probe.body) }));
  for (const control of controls) if (!ours(control.body)) outcomes.push({ field: control.field, constraint: 'accepts-valid', holds: false });

  const examples = requestExamples(specOperation).map((example) => {
    if (example.body === undefined) return { title: example.title, skipped: example.skipped };
    if (!specAccepts(spec, bodySchema, example.body)) notes.push(`the spec's example "${example.title}" does not match the spec's own schema`);
    const accepted = ours(example.body);
    if (!accepted) problems.push(`the spec's example "${example.title}" is refused: ${JSON.stringify(example.body).slice(0, 200)}`);
    return { title: example.title, accepted };
  });

  const sample = sampleOf(probes.filter((probe) => !ours(probe.body)));
  for (const probe of sample) {
    const { options, requests } = capturingClient();
    const outcome = await settle(registered.call(options, { pathParams, body: asSent(probe.body) }));
    if (!isValidationRejection(outcome) || requests.length > 0) {
      problems.push(`${probe.field} ${probe.constraint}: through the service it ${outcome.rejected ? `was rejected as ${outcome.kind}` : 'resolved'} after ${requests.length} request(s), expected a validation rejection and none`);
    }
  }
  return { minimalBody, outcomes, examples, invoked: sample.length, problems, notes };
}
