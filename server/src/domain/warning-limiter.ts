/**
 * Keeps a flood of the same warning from filling the log: at most one line per key (e.g. a client
 * address) per window, and at most `perWindow` lines per window in all. What was held back is
 * counted and reported with the next line that gets through.
 */
export interface WarningLimiterOptions {
  windowMs?: number;
  perWindow?: number;
  maxKeys?: number;
}

export class WarningLimiter {
  readonly #windowMs: number;
  readonly #perWindow: number;
  readonly #maxKeys: number;
  readonly #lastByKey = new Map<string, number>();
  #windowStart = Number.NEGATIVE_INFINITY;
  #inWindow = 0;
  #suppressed = 0;

  constructor(options: WarningLimiterOptions = {}) {
    this.#windowMs = options.windowMs ?? 60_000;
    this.#perWindow = options.perWindow ?? 20;
    this.#maxKeys = options.maxKeys ?? 10_000;
  }

  /** Whether to log now; if so, how many like it were held back since the last line that got through. */
  allow(key: string, now: number): { log: false } | { log: true; suppressed: number } {
    if (now - this.#windowStart >= this.#windowMs) {
      this.#windowStart = now;
      this.#inWindow = 0;
    }
    const last = this.#lastByKey.get(key);
    if ((last !== undefined && now - last < this.#windowMs) || this.#inWindow >= this.#perWindow) {
      this.#suppressed++;
      return { log: false };
    }
    this.#lastByKey.delete(key);
    this.#lastByKey.set(key, now);
    if (this.#lastByKey.size > this.#maxKeys) {
      const oldest = this.#lastByKey.keys().next().value;
      if (oldest !== undefined) this.#lastByKey.delete(oldest);
    }
    this.#inWindow++;
    const suppressed = this.#suppressed;
    this.#suppressed = 0;
    return { log: true, suppressed };
  }
}
