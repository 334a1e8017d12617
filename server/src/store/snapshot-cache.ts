import type { Logger } from '../domain/logger.ts';
import { SnapshotView } from '../domain/snapshot-view.ts';
import type { Snapshot, Store } from './store.ts';

export type { PreparedStartupError } from '../domain/snapshot-view.ts';

/**
 * The hot path's memory: the current `SnapshotView`, so answering costs map lookups — no storage
 * I/O, no schema parsing, no JSON building per request.
 *
 * Three things make a view stale, and each has its trigger:
 * - a write through this app → the route awaits `refresh()` before it answers; everyone else keeps
 *   getting the old view until the new one is built and warmed (rebuilding never blocks answers);
 * - a write by another process or isolate → once the view was checked longer than `maxAgeMs` ago,
 *   the next request asks the store what changed (one small read; the changed messages only);
 * - the clock passes a schedule boundary → the next request builds a view of the same data for the
 *   new instant (no I/O).
 */
export interface SnapshotCacheOptions {
  store: Pick<Store, 'loadSnapshot' | 'changesSince'>;
  now: () => number;
  /** Check the store for others' writes once the view was checked longer ago than this; undefined = never. */
  maxAgeMs?: number | undefined;
  logger?: Logger | undefined;
  /**
   * Answered from when the store fails before any load succeeded (a cold Worker isolate while D1 is
   * down or not migrated yet), so 1C clients still get the default answer instead of a 5xx. Not
   * kept: the next request tries the store again. Undefined = such a failure is thrown.
   */
  fallback?: Snapshot | undefined;
}

export class SnapshotCache {
  readonly #options: SnapshotCacheOptions;
  #view: SnapshotView | undefined;
  #checkedAt = Number.NEGATIVE_INFINITY;
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  #failure: unknown;

  constructor(options: SnapshotCacheOptions) {
    this.#options = options;
  }

  /**
   * The current view when it can be had without waiting (loaded, and checked for others' writes
   * recently enough); otherwise undefined, and `view()` is the way. Spares the hot path a promise.
   */
  ready(): SnapshotView | undefined {
    const { maxAgeMs, now } = this.#options;
    const view = this.#view;
    if (!view || (maxAgeMs !== undefined && now() - this.#checkedAt >= maxAgeMs)) return undefined;
    return this.#now(view);
  }

  /** `view`, moved to this instant when a schedule boundary has passed since it was built. */
  #now(view: SnapshotView): SnapshotView {
    const t = this.#options.now();
    if (t >= view.validUntil || t < view.computedAt) this.#view = view.at(t);
    return this.#view ?? view;
  }

  /** The current view: loaded on first use, checked for others' writes, moved past boundaries. */
  async view(): Promise<SnapshotView> {
    const { maxAgeMs, now } = this.#options;
    if (!this.#view) {
      await (this.#running ?? this.refresh());
    } else if (maxAgeMs !== undefined && now() - this.#checkedAt >= maxAgeMs) {
      // Any refresh under way will do: it read the store after this view was checked.
      await (this.#running ?? this.refresh());
    }
    const view = this.#view;
    if (!view) {
      const fallback = this.#options.fallback;
      if (!fallback) throw this.#failure;
      return SnapshotView.of(fallback, now());
    }
    return this.#now(view);
  }

  /** An answer prepared once per view (see `SnapshotView.prepared`). */
  async prepared<T>(key: string, build: (view: SnapshotView) => T | Promise<T>): Promise<T> {
    return (await this.view()).prepared(key, build);
  }

  /**
   * Brings the view up to date with the store; resolves once the new view serves. A caller that
   * wrote just now gets a refresh that starts after its write, even if one is already under way.
   */
  refresh(): Promise<void> {
    if (!this.#running) {
      const running = this.#run().finally(() => {
        if (this.#running === running) this.#running = undefined;
      });
      this.#running = running;
      return running;
    }
    this.#queued ??= this.#running.then(() => {
      this.#queued = undefined;
      return this.refresh();
    });
    return this.#queued;
  }

  /** The view of what the store holds now; undefined when nothing changed since `current`. */
  async #next(current: SnapshotView | undefined, t: number): Promise<SnapshotView | undefined> {
    const { store, now } = this.#options;
    if (!current) return SnapshotView.of(await store.loadSnapshot(t), now());
    const changes = await store.changesSince(current.head.revision);
    if (changes === undefined) return undefined;
    if (changes === 'reload') return SnapshotView.of(await store.loadSnapshot(t), now());
    return current.withChanges(changes, now());
  }

  async #run(): Promise<void> {
    const { now, logger } = this.#options;
    const started = now();
    const current = this.#view;
    this.#checkedAt = started;
    try {
      const next = await this.#next(current, started);
      if (next) {
        if (current) await next.warmFrom(current);
        this.#view = next;
      }
      this.#failure = undefined;
    } catch (error) {
      // Keep answering from the last good data; the next check (after maxAgeMs) tries again.
      this.#failure = error;
      const problem = error instanceof Error ? error.message : String(error);
      if (current) logger?.error('could not read the data again, serving the last good copy', { problem });
      else if (this.#options.fallback)
        logger?.error('could not load data, answering with the defaults', { problem });
    }
  }
}
