/** How a failed delivery is tried again: `attempts` in all, the wait doubling from `firstDelayMs`. */
export interface RetryPolicy {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Six attempts over about a quarter of an hour: a channel down for a restart still gets the news. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, firstDelayMs: 30_000, maxDelayMs: 8 * 60_000 };

/** What one attempt to send gave. `retry: false` when trying again cannot help (a 400, a 403). */
export type SendOutcome =
  | { ok: true }
  | { ok: false; problem: string; retry: boolean; retryAfterMs?: number | undefined };

export type AttemptResult =
  | { state: 'delivered' }
  | { state: 'pending'; nextAttemptAt: number; problem: string }
  | { state: 'failed'; problem: string };

/** After attempt number `attempt` (1-based) ended at `now` with `outcome`. */
export function afterAttempt(
  attempt: number,
  outcome: SendOutcome,
  policy: RetryPolicy,
  now: number,
): AttemptResult {
  if (outcome.ok) return { state: 'delivered' };
  if (!outcome.retry || attempt >= policy.attempts) {
    return {
      state: 'failed',
      problem: `${outcome.problem} (after ${attempt} attempt${attempt === 1 ? '' : 's'})`,
    };
  }
  const backoff = Math.min(policy.firstDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return {
    state: 'pending',
    nextAttemptAt: now + Math.max(backoff, outcome.retryAfterMs ?? 0),
    problem: outcome.problem,
  };
}

/** `text` with every secret value replaced: problems from a library may quote a URL or a login. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let safe = text;
  for (const secret of secrets) if (secret.length >= 4) safe = safe.replaceAll(secret, '•••');
  return safe;
}

/** An HTTP answer as a send outcome: 2xx delivered; 408, 429 and 5xx worth another try. */
export function httpOutcome(status: number, retryAfter?: string | null): SendOutcome {
  if (status >= 200 && status < 300) return { ok: true };
  const seconds = Number(retryAfter);
  return {
    ok: false,
    problem: `the receiver answered HTTP ${status}`,
    retry: status >= 500 || status === 408 || status === 429,
    ...(Number.isFinite(seconds) && seconds > 0 && { retryAfterMs: seconds * 1000 }),
  };
}
