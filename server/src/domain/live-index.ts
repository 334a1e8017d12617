import type { Message } from '../../../contract/message.ts';
import { timesOf } from '../../../contract/message-times.ts';
import { ALL_BASES } from './active-message.ts';
import { ShardedMap } from './sharded-map.ts';

/** Index of the first element of ascending `values` greater than `t` (`values.length` if none). */
function firstAfter(values: Float64Array, t: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) <= t) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** `values` with `value` inserted in order (one memory copy). */
function inserted(values: Float64Array, value: number): Float64Array {
  const at = firstAfter(values, value);
  const out = new Float64Array(values.length + 1);
  out.set(values.subarray(0, at));
  out[at] = value;
  out.set(values.subarray(at), at + 1);
  return out;
}

/** `values` without one occurrence of `value` (one memory copy). */
function removed(values: Float64Array, value: number): Float64Array {
  const at = firstAfter(values, value) - 1;
  if (at < 0 || values[at] !== value) return values;
  const out = new Float64Array(values.length - 1);
  out.set(values.subarray(0, at));
  out.set(values.subarray(at + 1), at);
  return out;
}

/** Keys of the bucket a message sits in: `*` for a message for all bases, else each base it names. */
function bucketKeys(message: Message): readonly string[] {
  const bases: readonly string[] = message.bases;
  return bases.includes(ALL_BASES) ? [ALL_BASES] : bases;
}

function languagesOfMessage(message: Message): string[] {
  return [...Object.keys(message.text), ...Object.keys(message.helpText ?? {})];
}

/** Past this many changes at once, the sorted instants are rebuilt instead of patched. */
const PATCH_LIMIT = 32;

/**
 * The messages that have not ended, indexed for the hot path: per base key (`*` for all bases), the
 * schedule's instants in order, the languages in use. Immutable; `with()` makes the next version
 * from a few changed messages at the cost of those messages (copying only what they touch), so a
 * write never costs a pass over every stored message.
 */
export class LiveIndex {
  readonly #byId: ShardedMap<Message>;
  readonly #buckets: ShardedMap<readonly Message[]>;
  /** Every start and end instant, ascending (with repeats): the schedule's boundaries. */
  readonly #instants: Float64Array;
  /** Every end instant, ascending (with repeats): what ends by a given time. */
  readonly #ends: Float64Array;
  readonly #languages: ReadonlyMap<string, number>;

  private constructor(
    byId: ShardedMap<Message>,
    buckets: ShardedMap<readonly Message[]>,
    instants: Float64Array,
    ends: Float64Array,
    languages: ReadonlyMap<string, number>,
  ) {
    this.#byId = byId;
    this.#buckets = buckets;
    this.#instants = instants;
    this.#ends = ends;
    this.#languages = languages;
  }

  static readonly #empty = new LiveIndex(
    ShardedMap.of([]),
    ShardedMap.of([]),
    new Float64Array(0),
    new Float64Array(0),
    new Map(),
  );

  static of(messages: Iterable<Message>): LiveIndex {
    return LiveIndex.#empty.with([...messages], []);
  }

  get size(): number {
    return this.#byId.size;
  }

  /** `changed` messages set (new or replacing the one with their id), `removed` ids gone. */
  with(changed: readonly Message[], removedIds: readonly string[]): LiveIndex {
    const gone = new Map<string, Message>();
    for (const id of [...removedIds, ...changed.map((m) => m.id)]) {
      const old = this.#byId.get(id);
      if (old) gone.set(id, old);
    }
    if (gone.size === 0 && changed.length === 0) return this;
    const byId = this.#byId.with([
      ...[...gone.keys()].map((id): [string, undefined] => [id, undefined]),
      ...changed.map((m): [string, Message] => [m.id, m]),
    ]);
    return new LiveIndex(
      byId,
      this.#bucketsWith(gone, changed),
      this.#instantsWith(byId, gone, changed),
      this.#endsWith(byId, gone, changed),
      this.#languagesWith(gone, changed),
    );
  }

  #bucketsWith(
    gone: ReadonlyMap<string, Message>,
    changed: readonly Message[],
  ): ShardedMap<readonly Message[]> {
    const added = new Map<string, Message[]>();
    for (const m of gone.values()) for (const key of bucketKeys(m)) if (!added.has(key)) added.set(key, []);
    for (const m of changed) {
      for (const key of bucketKeys(m)) {
        const list = added.get(key);
        if (list) list.push(m);
        else added.set(key, [m]);
      }
    }
    return this.#buckets.with(
      [...added].map(([key, fresh]): [string, readonly Message[] | undefined] => {
        const kept = (this.#buckets.get(key) ?? []).filter((m) => !gone.has(m.id)).concat(fresh);
        return [key, kept.length > 0 ? kept : undefined];
      }),
    );
  }

  #instantsWith(byId: ShardedMap<Message>, gone: ReadonlyMap<string, Message>, changed: readonly Message[]) {
    if (gone.size + changed.length > PATCH_LIMIT) {
      const all: number[] = [];
      for (const m of byId.values()) all.push(timesOf(m).startsAt, timesOf(m).displayUntil);
      return Float64Array.from(all).sort();
    }
    let instants = this.#instants;
    for (const m of gone.values())
      instants = removed(removed(instants, timesOf(m).startsAt), timesOf(m).displayUntil);
    for (const m of changed)
      instants = inserted(inserted(instants, timesOf(m).startsAt), timesOf(m).displayUntil);
    return instants;
  }

  #endsWith(byId: ShardedMap<Message>, gone: ReadonlyMap<string, Message>, changed: readonly Message[]) {
    if (gone.size + changed.length > PATCH_LIMIT) {
      return Float64Array.from([...byId.values()].map((m) => timesOf(m).displayUntil)).sort();
    }
    let ends = this.#ends;
    for (const m of gone.values()) ends = removed(ends, timesOf(m).displayUntil);
    for (const m of changed) ends = inserted(ends, timesOf(m).displayUntil);
    return ends;
  }

  #languagesWith(
    gone: ReadonlyMap<string, Message>,
    changed: readonly Message[],
  ): ReadonlyMap<string, number> {
    const languages = new Map(this.#languages);
    for (const m of gone.values()) {
      for (const tag of languagesOfMessage(m)) languages.set(tag, (languages.get(tag) ?? 1) - 1);
    }
    for (const m of changed)
      for (const tag of languagesOfMessage(m)) languages.set(tag, (languages.get(tag) ?? 0) + 1);
    for (const [tag, count] of languages) if (count <= 0) languages.delete(tag);
    return languages;
  }

  /** This index without the messages that ended at or before `t` (found through their end instants). */
  endedBy(t: number): LiveIndex {
    if (firstAfter(this.#ends, t) === 0) return this;
    const ended = [...this.#byId.values()].filter((m) => timesOf(m).displayUntil <= t).map((m) => m.id);
    return this.with([], ended);
  }

  /** The first start or end after `t`: until then, what any client sees stays the same. */
  nextBoundary(t: number): number | undefined {
    return this.#instants[firstAfter(this.#instants, t)];
  }

  /** The messages for `key` alone (`*`: those for all bases). */
  bucket(key: string): readonly Message[] {
    return this.#buckets.get(key) ?? [];
  }

  /** Whether any message names `key` (`*` included). */
  names(key: string): boolean {
    return this.#buckets.has(key);
  }

  /** Every language a message text or help text is written in. */
  languages(): string[] {
    return [...this.#languages.keys()];
  }

  messages(): Message[] {
    return [...this.#byId.values()];
  }
}
