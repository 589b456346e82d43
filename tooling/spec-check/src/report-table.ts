/** The spec check's report as plain text: one row per operation, totals, exceptions, failures. */
import { failuresOf, type OperationReport, type SpecCheckReport } from './run-spec-check.js';

const COLUMNS = ['operation', 'method', 'path', 'probed', 'enforced', 'deliberate', 'unenforced', 'examples', 'via service', 'path ids', 'sent fields'] as const;

function row(operation: OperationReport): string[] {
  const count = (status: string) => operation.outcomes.filter((outcome) => outcome.status === status).length;
  const examples = operation.constraints?.examples ?? [];
  const accepted = examples.filter((example) => example.accepted === true).length;
  const checkedExamples = examples.filter((example) => example.skipped === undefined).length;
  return [
    operation.operationId, operation.method, operation.path,
    String(operation.outcomes.length), String(count('enforced')), String(count('deliberate')), String(count('unenforced')),
    checkedExamples === 0 ? '-' : `${accepted}/${checkedExamples}`,
    String(operation.constraints?.invoked ?? 0),
    String(operation.pathParams?.probed ?? 0),
    operation.sentFields === undefined ? '-' : operation.sentFields.problems.length === 0 ? 'ok' : 'FAIL',
  ];
}

function table(rows: string[][]): string {
  const widths = COLUMNS.map((_column, index) => Math.max(...rows.map((cells) => cells[index]!.length)));
  const line = (cells: string[]) => cells.map((cell, index) => (index < 3 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The report as text; `specMs` is the time spent parsing the spec. */
export function formatReport(report: SpecCheckReport, specMs: number): string {
  const rows = report.operations.map(row);
  const total = (index: number) => String(rows.reduce((sum, cells) => sum + (Number(cells[index]) || 0), 0));
  const totals = ['total', '', '', total(3), total(4), total(5), total(6), '', total(8), total(9), ''];
  const lines = [table([[...COLUMNS], ...rows, totals])];
  const deliberate = new Map<string, number>();
  for (const operation of report.operations) {
    for (const outcome of operation.outcomes) {
      if (outcome.exception === undefined) continue;
      const { operationId, field, constraint, reason } = outcome.exception;
      const key = `${operationId}  ${field}  ${constraint}: ${reason}`;
      deliberate.set(key, (deliberate.get(key) ?? 0) + 1);
    }
  }
  if (deliberate.size > 0) lines.push('', 'deliberate exceptions (probes matched):', ...[...deliberate].map(([key, count]) => `  ${key} (${count})`));
  const notes = report.operations.flatMap((operation) => (operation.constraints?.notes ?? []).map((note) => `  ${operation.operationId}: ${note}`));
  if (notes.length > 0) lines.push('', 'notes:', ...notes);
  const failures = failuresOf(report);
  lines.push('', failures.length === 0 ? 'spec check passed' : `spec check FAILED (${failures.length}):\n  ${failures.join('\n  ')}`);
  lines.push(`${report.operations.length} operations checked in ${Math.round(report.durationMs)} ms (+ ${Math.round(specMs)} ms to parse the spec)`);
  return lines.join('\n');
}
