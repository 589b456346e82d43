// Child processes with a hard deadline: every wait in the matrix is bounded, and a runtime that
// hangs is killed (its whole process group, since npm and bun start children of their own).
import { spawn } from 'node:child_process';

/** Children still running, so the harness can end them when it stops early. */
const live = new Set();

/** Kills every child still running (and its group): nothing outlives the harness. */
export function killRunning() {
  for (const kill of live) kill();
}

/**
 * Runs `command` and collects its output; never rejects. `timedOut` is set when it was killed.
 *
 * @example
 * const { code, stdout } = await runProcess('node', ['-v'], { timeoutMs: 10_000 });
 */
export function runProcess(command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    } catch (error) {
      resolve({ code: null, stdout, stderr: String(error), timedOut });
      return;
    }
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    live.add(kill);
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      live.delete(kill);
      resolve({ code: null, stdout, stderr: `${stderr}${error.message}`, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      live.delete(kill);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** The last lines of some output, for a failure message; stack frames would crowd out the message. */
export function tail(text, lines = 8) {
  return text.trim().split('\n').filter((line) => !/^\s+at /.test(line)).slice(-lines).join('\n');
}

/** Throws with the output's tail unless the process exited 0. */
export function expectSuccess(what, result) {
  if (result.code === 0) return result;
  const why = result.timedOut ? 'timed out' : `exited ${result.code}`;
  throw new Error(`${what} ${why}: ${tail(`${result.stderr}\n${result.stdout}`)}`);
}
