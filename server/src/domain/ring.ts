/** A fixed-size ring: the newest `capacity` items, memory bounded whatever the traffic. */
export class Ring<T> {
  readonly #items: (T | undefined)[];
  #next = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    this.#items = new Array(capacity);
  }

  push(item: T): void {
    this.#items[this.#next] = item;
    this.#next = (this.#next + 1) % this.capacity;
    this.#size = Math.min(this.#size + 1, this.capacity);
  }

  /** Newest first. */
  newest(limit = this.capacity): T[] {
    const out: T[] = [];
    for (let i = 1; i <= Math.min(limit, this.#size); i++) {
      out.push(this.#items[(this.#next - i + this.capacity) % this.capacity] as T);
    }
    return out;
  }

  get size(): number {
    return this.#size;
  }
}
