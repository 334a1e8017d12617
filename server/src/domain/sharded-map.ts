const SHARDS = 64;

function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARDS;
}

/**
 * An immutable map whose `with()` copies only the shards it touches: a change to one message of
 * 10,000 copies about 160 entries, not 10,000, so a new version per write stays cheap.
 */
export class ShardedMap<V> {
  readonly #shards: readonly ReadonlyMap<string, V>[];
  readonly size: number;

  private constructor(shards: readonly ReadonlyMap<string, V>[], size: number) {
    this.#shards = shards;
    this.size = size;
  }

  static of<V>(entries: Iterable<readonly [string, V]>): ShardedMap<V> {
    const shards = Array.from({ length: SHARDS }, () => new Map<string, V>());
    for (const [key, value] of entries) shards[shardOf(key)]?.set(key, value);
    return new ShardedMap(
      shards,
      shards.reduce((sum, shard) => sum + shard.size, 0),
    );
  }

  get(key: string): V | undefined {
    return this.#shards[shardOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.#shards[shardOf(key)]?.has(key) ?? false;
  }

  /** A new map with each `[key, value]` set, or deleted where the value is `undefined`. */
  with(changes: Iterable<readonly [string, V | undefined]>): ShardedMap<V> {
    const shards = [...this.#shards];
    const copied = new Set<number>();
    let size = this.size;
    for (const [key, value] of changes) {
      const index = shardOf(key);
      if (!copied.has(index)) {
        shards[index] = new Map(shards[index]);
        copied.add(index);
      }
      const shard = shards[index] as Map<string, V>;
      const had = shard.has(key);
      if (value === undefined) {
        if (had) size--;
        shard.delete(key);
      } else {
        if (!had) size++;
        shard.set(key, value);
      }
    }
    return new ShardedMap(shards, size);
  }

  *entries(): IterableIterator<[string, V]> {
    for (const shard of this.#shards) yield* shard;
  }

  *values(): IterableIterator<V> {
    for (const shard of this.#shards) yield* shard.values();
  }
}
