import { type LanguageRequest, languagesOf, negotiateLanguage } from '../../../contract/language-match.ts';
import type { Message } from '../../../contract/message.ts';
import { ALL_BASES, selectActiveMessage } from '../domain/active-message.ts';
import { contentTag } from '../domain/etag.ts';
import type { Logger } from '../domain/logger.ts';
import { nextBoundary } from '../domain/schedule.ts';
import { recurringMessages } from '../domain/schedules/occurrences.ts';
import { buildStartupErrorResponse } from '../domain/startup-error-body.ts';
import { knownBaseKeys, UPCOMING_WINDOW_MS } from '../domain/status-view.ts';
import type { Snapshot, Store } from './store.ts';

/**
 * The hot path's memory: startup-error bodies precomputed per (base, language), so answering a 1C
 * client costs two map lookups — no storage I/O, no schema parsing, no JSON building per request.
 *
 * Two things make a precomputed body stale, and each has its trigger:
 * - the data changes → `invalidate()` (the app calls it after every successful admin write), or,
 *   where other processes write too, the snapshot ages past `maxAgeMs` and is reloaded;
 * - the clock passes a schedule boundary (a message starts or ends) → the next lookup notices
 *   `now() >= validUntil` and rebuilds the bodies from the snapshot it already holds (no I/O).
 *
 * Freshness policy per runtime (the only option that differs):
 * - Node (`maxAgeMs` undefined): this process is the only writer, so the snapshot is kept until a
 *   write invalidates it.
 * - Workers: every isolate has its own cache and writes may land in another isolate; pass
 *   `maxAgeMs` (e.g. 5_000 → at most one D1 read per isolate every 5 s; 0 → one per request).
 */
export interface SnapshotCacheOptions {
  store: Pick<Store, 'load'>;
  now: () => number;
  /** Reload the snapshot once it is older than this; undefined = only after `invalidate()`. */
  maxAgeMs?: number | undefined;
  logger?: Logger | undefined;
  /**
   * Answered from when the store fails before any load succeeded (a cold Worker isolate while D1 is
   * down or not migrated yet), so 1C clients still get the default answer instead of a 5xx. Not
   * kept: the next request tries the store again. Undefined = such a failure is thrown.
   */
  fallback?: Snapshot | undefined;
}

export interface PreparedStartupError {
  /** The exact response body (UTF-8 JSON, no BOM). */
  json: string;
  etag: string;
  /** `Content-Language`. */
  language: string;
}

/**
 * A view built with recurring windows is rebuilt at least this often, so an occurrence entering the
 * seven days the status lists as upcoming shows within the hour.
 */
const RECURRING_REFRESH_MS = 60 * 60 * 1000;

/** What the snapshot says between two schedule boundaries. Immutable. */
export class SnapshotView {
  /** The data as loaded. */
  readonly source: Snapshot;
  /** The data as shown: the stored messages and the occurrences of recurring windows around `computedAt`. */
  readonly snapshot: Snapshot;
  /** The instant these bodies were computed for. */
  readonly computedAt: number;
  /** The next schedule boundary; the bodies are correct until then. */
  readonly validUntil: number;
  /** Languages any text is written in, default language first. */
  readonly languages: readonly string[];
  readonly #bodies = new Map<string, Map<string, PreparedStartupError>>();
  /** `?lang=` + `Accept-Language` → language; bounded, headers come in few shapes. */
  readonly #negotiated = new Map<string, string>();

  constructor(source: Snapshot, t: number) {
    this.source = source;
    const schedules = source.schedules ?? [];
    const recurring = recurringMessages(schedules, t, t + UPCOMING_WINDOW_MS + RECURRING_REFRESH_MS);
    const snapshot =
      recurring.length > 0 ? { ...source, messages: [...source.messages, ...recurring] } : source;
    this.snapshot = snapshot;
    this.computedAt = t;
    this.validUntil = Math.min(
      nextBoundary(snapshot.messages, t) ?? Number.POSITIVE_INFINITY,
      schedules.length > 0 ? t + RECURRING_REFRESH_MS : Number.POSITIVE_INFINITY,
    );
    const { settings, messages } = snapshot;
    const texts = [settings.helpText, ...Object.values(settings.bases).map((b) => b.helpText)];
    for (const m of messages) texts.push(m.text, m.helpText);
    this.languages = [...new Set([settings.defaultLanguage, ...languagesOf(texts)])];
    for (const baseKey of knownBaseKeys(settings, messages, t)) {
      const winner: Message | undefined = selectActiveMessage(messages, baseKey, t);
      const perLanguage = new Map<string, PreparedStartupError>();
      for (const language of this.languages) {
        const answer = buildStartupErrorResponse(settings, baseKey, language, winner);
        const json = JSON.stringify(answer.body);
        perLanguage.set(language, {
          json,
          etag: contentTag(`${answer.language}\n${json}`),
          language: answer.language,
        });
      }
      this.#bodies.set(baseKey, perLanguage);
    }
  }

  language(request: LanguageRequest): string {
    const key = `${request.query ?? ''}\n${request.acceptLanguage ?? ''}`;
    let language = this.#negotiated.get(key);
    if (language === undefined) {
      language = negotiateLanguage(request, this.languages, this.snapshot.settings.defaultLanguage);
      if (this.#negotiated.size >= 256) this.#negotiated.clear();
      this.#negotiated.set(key, language);
    }
    return language;
  }

  /** The answer for `baseKey`; a key nobody configured or targeted gets the all-bases answer. */
  startupError(baseKey: string, request: LanguageRequest): PreparedStartupError {
    const language = this.language(request);
    const perLanguage = this.#bodies.get(baseKey) ?? this.#bodies.get(ALL_BASES);
    const prepared = perLanguage?.get(language) ?? perLanguage?.values().next().value;
    if (!prepared) throw new Error(`snapshot view has no body for ${baseKey}/${language}`);
    return prepared;
  }
}

export class SnapshotCache {
  readonly #options: SnapshotCacheOptions;
  #view: SnapshotView | undefined;
  #loadedAt = 0;
  #stale = true;
  #loading: Promise<SnapshotView> | undefined;
  /** Bumped by `invalidate()`: a load that began before a write must not install its older data. */
  #generation = 0;

  constructor(options: SnapshotCacheOptions) {
    this.#options = options;
  }

  /** The current view: reloaded if stale, rebuilt (without I/O) if a schedule boundary passed. */
  async view(): Promise<SnapshotView> {
    const now = this.#options.now();
    const view = this.#view;
    if (view && !this.#stale && !this.#expired(now)) {
      if (now < view.validUntil && now >= view.computedAt) return view;
      this.#view = new SnapshotView(view.source, now);
      return this.#view;
    }
    if (!this.#loading) {
      const loading = this.#load(this.#generation).finally(() => {
        if (this.#loading === loading) this.#loading = undefined;
      });
      this.#loading = loading;
    }
    return this.#loading;
  }

  /** The data changed: the next `view()` reloads from the store. */
  invalidate(): void {
    this.#stale = true;
    this.#generation++;
    this.#loading = undefined;
  }

  #expired(now: number): boolean {
    const maxAge = this.#options.maxAgeMs;
    return maxAge !== undefined && now - this.#loadedAt >= maxAge;
  }

  async #load(generation: number): Promise<SnapshotView> {
    this.#stale = false;
    try {
      const snapshot = await this.#options.store.load();
      const now = this.#options.now();
      const view = new SnapshotView(snapshot, now);
      if (generation === this.#generation) {
        this.#loadedAt = now;
        this.#view = view;
      }
      return view;
    } catch (error) {
      // Keep answering from the last good data; try again on the next request.
      if (generation === this.#generation) this.#stale = true;
      const problem = error instanceof Error ? error.message : String(error);
      if (!this.#view) {
        const fallback = this.#options.fallback;
        if (!fallback) throw error;
        this.#options.logger?.error('could not load data, answering with the defaults', { problem });
        return new SnapshotView(fallback, this.#options.now());
      }
      this.#options.logger?.error('could not reload data, serving the last good copy', { problem });
      return this.#view;
    }
  }
}
