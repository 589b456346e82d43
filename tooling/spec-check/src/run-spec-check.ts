/**
 * Runs the four checks on every registered operation and sorts each probed constraint into
 * enforced, deliberately not enforced (listed in deliberate-exceptions.ts) or unenforced.
 */
import { checkConstraints, type ConstraintOutcome, type ConstraintReport } from './check-constraints.js';
import { checkPathParams, validPathParams, type PathParamReport } from './check-path-params.js';
import { checkSentFields, type SentFieldsReport } from './check-sent-fields.js';
import { matchSpecOperation } from './check-spec-match.js';
import { binaryFields, withFiles } from './multipart-body.js';
import { crossFieldRules } from './cross-field-rules.js';
import { deliberateExceptions, type DeliberateException } from './deliberate-exceptions.js';
import { registeredOperations, type RegisteredOperation } from './registries.js';
import type { SpecDocument } from './spec-document.js';

/** A probed constraint and where it landed. */
export interface ClassifiedOutcome extends ConstraintOutcome {
  status: 'enforced' | 'deliberate' | 'unenforced';
  exception?: DeliberateException;
}

/** Everything the check found for one operation. */
export interface OperationReport {
  packageName: string;
  operationId: string;
  method: string;
  path: string;
  constraints?: ConstraintReport;
  outcomes: ClassifiedOutcome[];
  sentFields?: SentFieldsReport;
  pathParams?: PathParamReport;
  /** Every failure of checks 1-4 other than unenforced constraints. */
  problems: string[];
}

/** The whole run. */
export interface SpecCheckReport {
  operations: OperationReport[];
  /** Exceptions that match no unenforced constraint any more: remove them. */
  staleExceptions: DeliberateException[];
  durationMs: number;
}

function fieldMatches(pattern: string, field: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(field);
}

async function checkOperation(spec: SpecDocument, registered: RegisteredOperation, exceptions: readonly DeliberateException[], used: Set<DeliberateException>): Promise<OperationReport> {
  const { operation, packageName } = registered;
  const report: OperationReport = { packageName, operationId: operation.operationId, method: operation.method, path: operation.path, outcomes: [], problems: [] };
  const match = matchSpecOperation(spec, registered);
  report.problems.push(...match.problems);
  if (match.specOperation === undefined) return report;
  const pathParams = validPathParams(match.specOperation, operation.path);
  if (match.bodySchema !== undefined && operation.requestSchema !== undefined) {
    report.constraints = await checkConstraints(spec, registered, match.specOperation, match.bodySchema, pathParams, crossFieldRules[operation.operationId]);
    report.problems.push(...report.constraints.problems);
  }
  const multipart = operation.requestBody === 'multipart' && match.bodySchema !== undefined;
  const minimalBody = multipart ? withFiles(report.constraints?.minimalBody, binaryFields(spec, match.bodySchema!)) : report.constraints?.minimalBody;
  report.sentFields = await checkSentFields(spec, registered, match.specOperation, match.bodySchema, minimalBody);
  report.pathParams = await checkPathParams(registered, match.specOperation, minimalBody);
  report.problems.push(...report.sentFields.problems, ...report.pathParams.problems);
  report.outcomes = (report.constraints?.outcomes ?? []).map((outcome) => {
    if (outcome.holds) return { ...outcome, status: 'enforced' };
    const exception = exceptions.find((entry) => entry.operationId === operation.operationId && entry.constraint === outcome.constraint && fieldMatches(entry.field, outcome.field));
    if (exception === undefined) return { ...outcome, status: 'unenforced' };
    used.add(exception);
    return { ...outcome, status: 'deliberate', exception };
  });
  return report;
}

/** Checks `operations` (default: every registered one) against `spec`. */
export async function runSpecCheck(spec: SpecDocument, operations: readonly RegisteredOperation[] = registeredOperations, exceptions: readonly DeliberateException[] = deliberateExceptions): Promise<SpecCheckReport> {
  const started = performance.now();
  const used = new Set<DeliberateException>();
  const reports: OperationReport[] = [];
  for (const registered of operations) reports.push(await checkOperation(spec, registered, exceptions, used));
  const checked = new Set(operations.map((registered) => registered.operation.operationId));
  const staleExceptions = exceptions.filter((entry) => checked.has(entry.operationId) && !used.has(entry));
  return { operations: reports, staleExceptions, durationMs: performance.now() - started };
}

/** Every reason the run fails: problems, unenforced constraints, stale exceptions. */
export function failuresOf(report: SpecCheckReport): string[] {
  const failures = report.operations.flatMap((operation) => [
    ...operation.problems.map((problem) => `${operation.operationId}: ${problem}`),
    ...operation.outcomes.filter((outcome) => outcome.status === 'unenforced').map((outcome) => `${operation.operationId}: ${outcome.field} ${outcome.constraint} is not enforced`),
  ]);
  for (const entry of report.staleExceptions) failures.push(`${entry.operationId}: deliberate exception "${entry.field} ${entry.constraint}" matches nothing unenforced; remove it`);
  return failures;
}
