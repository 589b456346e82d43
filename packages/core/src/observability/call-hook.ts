/** The one rule for user hooks: a hook that throws is logged at warn level and ignored. */
import type { ClientLogger } from './logger.js';

/** Runs `run` (a hook call); if it throws, logs and carries on, so telemetry never breaks a request. */
export function callHook(logger: ClientLogger, what: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    logger.warn(`A ${what} hook threw; ignoring it.`, { error });
  }
}
