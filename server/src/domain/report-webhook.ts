import type { LoginErrorReport } from '../../../contract/captured-request.ts';
import type { Logger } from './logger.ts';

export const SIGNATURE_HEADER = 'X-Startup-Help-Signature';

export interface ReportWebhookOptions {
  url: string;
  /** HMAC-SHA256 key; the header is `sha256=<hex>` over the exact body bytes. */
  secret?: string | undefined;
  fetch: typeof fetch;
  logger: Logger;
  /** Delivery attempts in all (default 5). */
  attempts?: number;
  /** First retry delay; doubles each time (default 1 s: 1, 2, 4, 8 s). */
  backoffMs?: number;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs?: number;
  /** Deliveries in flight at most; beyond that new reports are dropped (and logged), not queued. */
  maxPending?: number;
  sleep?: (ms: number) => Promise<void>;
}

export async function signPayload(secret: string, payload: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, enc.encode(payload));
  return `sha256=${[...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Forwards login-error reports to a webhook in the background. `deliver` never rejects: the client
 * that posted the report got its answer long before; failures are retried with backoff and logged.
 */
export class ReportWebhook {
  readonly #options: ReportWebhookOptions;
  readonly #pending = new Set<Promise<void>>();

  constructor(options: ReportWebhookOptions) {
    this.#options = options;
  }

  /** Starts one delivery; hand the promise to `waitUntil` so a Worker lives until it ends. */
  deliver(report: LoginErrorReport): Promise<void> {
    if (this.#pending.size >= (this.#options.maxPending ?? 100)) {
      this.#options.logger.warn('report webhook: too many deliveries in flight, report dropped', {
        baseKey: report.baseKey,
      });
      return Promise.resolve();
    }
    const delivery = this.#send(report).finally(() => this.#pending.delete(delivery));
    this.#pending.add(delivery);
    return delivery;
  }

  /** Resolves when every delivery started so far has ended (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  async #send(report: LoginErrorReport): Promise<void> {
    const { url, secret, logger } = this.#options;
    const attempts = this.#options.attempts ?? 5;
    const backoffMs = this.#options.backoffMs ?? 1000;
    const sleep = this.#options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const payload = JSON.stringify({ type: 'login-error-report', report });
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (secret) headers[SIGNATURE_HEADER] = await signPayload(secret, payload);
    let problem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await this.#options.fetch(url, {
          method: 'POST',
          headers,
          body: payload,
          signal: AbortSignal.timeout(this.#options.timeoutMs ?? 10_000),
        });
        await response.body?.cancel();
        if (response.ok) return;
        problem = `HTTP ${response.status}`;
        // A 4xx other than 408/429 will not get better by retrying.
        if (response.status < 500 && response.status !== 408 && response.status !== 429) break;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      if (attempt < attempts) await sleep(backoffMs * 2 ** (attempt - 1));
    }
    logger.warn('report webhook: delivery failed, report not forwarded', {
      problem,
      baseKey: report.baseKey,
    });
  }
}

/** `REPORT_WEBHOOK_URL` must be an absolute http(s) URL; anything else would fail on every report. */
export function isWebhookURL(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}
