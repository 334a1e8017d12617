/**
 * Lets one job through per turn of the event loop, the others waiting in line: a crowd on the public
 * pages (each answer tens of kilobytes to copy to a socket) then takes one slot per turn, and a 1C
 * client's request that arrives meanwhile waits for at most one of them instead of all of them.
 * The line is bounded: past `maxWaiting`, `enter()` resolves `false` (answer 503, try again).
 */
export class TurnGate {
  readonly #maxWaiting: number;
  readonly #waiting: (() => void)[] = [];
  #busy = false;

  constructor(maxWaiting = 1000) {
    this.#maxWaiting = maxWaiting;
  }

  /**
   * A gate that lets every job through at once: for Workers, where each request runs in its own
   * context (one request must not resume another's) and has no event loop of its own to share.
   */
  static open(): TurnGate {
    const gate = new TurnGate();
    gate.enter = () => Promise.resolve(true);
    gate.leave = () => {};
    return gate;
  }

  /** Resolves `true` when it is this job's turn (call `leave()` once it has its answer), `false` if the line is full. */
  enter(): Promise<boolean> {
    if (!this.#busy) {
      this.#busy = true;
      return Promise.resolve(true);
    }
    if (this.#waiting.length >= this.#maxWaiting) return Promise.resolve(false);
    return new Promise((resolve) => this.#waiting.push(() => resolve(true)));
  }

  /** The next job goes on the next turn, after whatever else became ready meanwhile. */
  leave(): void {
    const next = this.#waiting.shift();
    if (!next) {
      this.#busy = false;
      return;
    }
    (typeof setImmediate === 'function' ? setImmediate : (run: () => void) => setTimeout(run, 0))(next);
  }
}
