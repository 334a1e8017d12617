/**
 * Defaults a monitor gets for the fields an administrator leaves out. No zod here: the console
 * shows and sends them too.
 */
export const MONITOR_DEFAULTS = {
  intervalSeconds: 30,
  timeoutSeconds: 5,
  failuresToDown: 3,
  successesToUp: 2,
} as const;
