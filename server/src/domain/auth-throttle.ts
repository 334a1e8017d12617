/**
 * Failed admin logins per client address, in a sliding window: after `limit` failures the address
 * waits until the window passes. Bounded: the oldest addresses are forgotten first.
 */
export interface AuthThrottleOptions {
  limit?: number;
  windowMs?: number;
  maxAddresses?: number;
}

export class AuthThrottle {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxAddresses: number;
  readonly #failures = new Map<string, number[]>();

  constructor(options: AuthThrottleOptions = {}) {
    this.#limit = options.limit ?? 10;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#maxAddresses = options.maxAddresses ?? 10_000;
  }

  /** Milliseconds until `address` may try again; 0 = it may try now. */
  retryAfter(address: string, now: number): number {
    const recent = this.#recent(address, now);
    if (recent.length < this.#limit) return 0;
    return (recent[0] ?? now) + this.#windowMs - now;
  }

  recordFailure(address: string, now: number): void {
    const recent = this.#recent(address, now);
    recent.push(now);
    this.#failures.delete(address);
    this.#failures.set(address, recent.slice(-this.#limit));
    if (this.#failures.size > this.#maxAddresses) {
      const oldest = this.#failures.keys().next().value;
      if (oldest !== undefined) this.#failures.delete(oldest);
    }
  }

  #recent(address: string, now: number): number[] {
    return (this.#failures.get(address) ?? []).filter((at) => at > now - this.#windowMs);
  }
}
