/**
 * Seconds to wait before automatic retry number `attempt` (0-based): the first delay, doubling, capped.
 * 10 s, 20 s, 40 s, 60 s, 60 s… by default — quick when an outage is short, gentle on a recovering server.
 */
export function retryDelaySeconds(
  attempt: number,
  schedule: { readonly retryInitialSeconds: number; readonly retryMaxSeconds: number },
): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  return Math.min(schedule.retryInitialSeconds * 2 ** exponent, schedule.retryMaxSeconds);
}
