// What the harness prints: each runtime's checks as they finish, then one matrix, and the exit
// status. A runtime that could not run is never counted as passed.

/** True when CI is set (GitHub Actions and most others export CI=true). */
export const IN_CI = Boolean(process.env.CI) && !/^(false|0)$/i.test(process.env.CI);

/** Prints one runtime's checks (and, if any failed, what the runtime logged about it). */
export function printRuntime(run) {
  const seconds = (run.ms / 1000).toFixed(1);
  console.log(`\n== ${run.label}${run.version ? ` ${run.version}` : ''} (${seconds} s)`);
  if (run.notRun) return void console.log(`   not run: ${run.notRun}`);
  for (const check of run.checks) console.log(`   ${check.ok ? 'PASS' : 'FAIL'} ${check.name}: ${check.detail}`);
  if (run.checks.some((check) => !check.ok)) for (const note of (run.notes ?? []).slice(0, 5)) console.log(`   note: ${note}`);
}

function summary(run) {
  if (run.notRun) return `not run: ${run.notRun.split('\n')[0].slice(0, 100)}`;
  const passed = run.checks.filter((check) => check.ok).length;
  const failed = run.checks.filter((check) => !check.ok).map((check) => check.name);
  const names = failed.length === run.checks.length && failed.length > 1 ? 'every check' : failed.join(', ');
  return `${passed}/${run.checks.length}${failed.length ? `  FAIL: ${names.length > 70 ? `${names.slice(0, 69)}…` : names}` : ''}`;
}

/** Prints the matrix and returns the process exit code. */
export function printMatrix(runs, totalMs) {
  const rows = runs.map((run) => [run.label, run.version ?? '-', summary(run)]);
  const header = ['runtime', 'version', 'checks passed/total'];
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index].length)));
  const line = (cells) => `| ${cells.map((cell, index) => cell.padEnd(widths[index])).join(' | ')} |`;
  console.log(`\n${line(header)}\n${line(widths.map((width) => '-'.repeat(width)))}`);
  for (const row of rows) console.log(line(row));
  // A row that ran no check at all has proven nothing: it fails too.
  const failed = runs.filter((run) => !run.notRun && (run.checks.length === 0 || run.checks.some((check) => !check.ok)));
  const missing = runs.filter((run) => run.notRun);
  console.log(`\n${runs.length - failed.length - missing.length} of ${runs.length} rows passed every check, ${failed.length} failed, ${missing.length} not run (${(totalMs / 1000).toFixed(1)} s).`);
  if (missing.length > 0) {
    console.log(IN_CI ? 'CI is set: a runtime that cannot run here counts as a failure.' : 'Not run is reported, not failed, outside CI (CI=true makes it a failure).');
  }
  return failed.length > 0 || (IN_CI && missing.length > 0) ? 1 : 0;
}
