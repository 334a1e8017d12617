import { Cron } from 'croner';
import type { Automation } from './automation.ts';

/** How often a long-running process looks for due probes, message events and deliveries. */
export const TICK_PATTERN = '*/2 * * * * *';

/**
 * Runs `automation` on a croner job in this process (Node): a pass every two seconds, never two at
 * once (`protect`). Probes run in the background of a pass, so they never delay a request or each
 * other; each is bounded by its monitor's timeout.
 */
export function startAutomationTimer(automation: Automation): { stop(): Promise<void> } {
  const job = new Cron(TICK_PATTERN, { protect: true, unref: true }, () =>
    automation.tick({ waitForProbes: false }),
  );
  return {
    async stop() {
      job.stop();
      await automation.idle();
    },
  };
}
