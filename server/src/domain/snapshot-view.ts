import { type LanguageRequest, languagesOf, negotiateLanguage } from '../../../contract/language-match.ts';
import type { Message } from '../../../contract/message.ts';
import type { Schedule } from '../../../contract/schedule.ts';
import type { Settings } from '../../../contract/settings.ts';
import { ALL_BASES, activeMessages } from './active-message.ts';
import { contentTag } from './etag.ts';
import { LiveIndex } from './live-index.ts';
import { RecurringIndex } from './schedules/recurring-index.ts';
import { buildStartupErrorResponse } from './startup-error-body.ts';
import { UPCOMING_WINDOW_MS } from './status-view.ts';

/** The data the public answers are computed from (the store's snapshot). */
export interface SnapshotData {
  /** The store revision this data is as of. */
  revision: number;
  settings: Settings;
  settingsVersion: number;
  /** Messages not ended when the data was read. */
  messages: Message[];
  /** Recurring maintenance windows: their occurrences show as messages without being stored. */
  schedules: readonly Schedule[];
  loadedAt: number;
}

export type SnapshotHead = Omit<SnapshotData, 'messages'>;

/** Messages changed or added, and ids removed, since the data a view holds. */
export interface ChangedMessages {
  changed: Message[];
  removed: string[];
}

export interface PreparedStartupError {
  /** The exact response body (UTF-8 JSON, no BOM). */
  json: string;
  etag: string;
  /** `Content-Language`. */
  language: string;
}

type Build<T> = (view: SnapshotView) => T | Promise<T>;

interface PreparedEntry {
  value: Promise<unknown>;
  build: Build<unknown>;
  /** Asked for by a request in this view (not only built ahead by `warmFrom`). */
  requested: boolean;
}

/**
 * Times shown on the public pages ("updated at") are at most this old: a view is rebuilt at least
 * this often even when no message starts or ends.
 */
export const VIEW_MAX_AGE_MS = 60_000;
/** Prepared answers kept per view (pages per base and language, feeds, status JSON). */
const PREPARED_KEPT = 512;
/** Prepared answers a new view builds before it replaces the old one. */
const WARMED = 32;

/** Lets other work (requests waiting to be answered) run between two pieces of a long job. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );
}

/** Longest stretch a long build runs before it lets waiting requests through. */
const SLICE_MS = 4;

/**
 * `items.map(fn)` for builds that can take long (a status of 10,000 bases): every few milliseconds
 * it yields, so requests that arrive meanwhile are answered instead of waiting for the whole build.
 */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R): Promise<R[]> {
  const results: R[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    results.push(fn(item));
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return results;
}

/**
 * What the data says between two schedule boundaries, and every public answer computed from it
 * once: startup-error bodies per (base, language) and, through `prepared()`, the status JSON, pages
 * and feeds. Immutable; a change of data or a boundary makes a new view.
 */
export class SnapshotView {
  readonly head: SnapshotHead;
  /** Stored messages not ended at `computedAt`, indexed. */
  readonly index: LiveIndex;
  /** Occurrences of the recurring windows around `computedAt`, indexed the same way. */
  readonly recurring: RecurringIndex;
  /** The instant these answers were computed for. */
  readonly computedAt: number;
  /** The next schedule boundary (or the refresh of shown times); the answers are correct until then. */
  readonly validUntil: number;
  /** Languages any text is written in, default language first. */
  readonly languages: readonly string[];
  #messages: readonly Message[] | undefined;
  #snapshot: SnapshotData | undefined;
  readonly #bodies = new Map<string, PreparedStartupError>();
  /** `?lang=` + `Accept-Language` → language; bounded, headers come in few shapes. */
  readonly #negotiated = new Map<string, string>();
  readonly #prepared = new Map<string, PreparedEntry>();

  /** A view built from scratch (first load, full reload). */
  static of(snapshot: SnapshotData, t: number): SnapshotView {
    const { messages, ...head } = snapshot;
    return new SnapshotView(head, LiveIndex.of(messages), t);
  }

  constructor(head: SnapshotHead, index: LiveIndex, t: number, recurring?: RecurringIndex) {
    this.head = head;
    this.index = index.endedBy(t);
    this.recurring =
      recurring?.schedules === head.schedules
        ? recurring.at(t, UPCOMING_WINDOW_MS)
        : RecurringIndex.of(head.schedules, t, UPCOMING_WINDOW_MS);
    this.computedAt = t;
    this.validUntil = Math.min(
      this.index.nextBoundary(t) ?? Number.POSITIVE_INFINITY,
      this.recurring.index.nextBoundary(t) ?? Number.POSITIVE_INFINITY,
      this.recurring.renewAt(UPCOMING_WINDOW_MS),
      t + VIEW_MAX_AGE_MS,
    );
    const { settings } = head;
    const configured = languagesOf([
      settings.helpText,
      ...Object.values(settings.bases).map((b) => b.helpText),
    ]);
    this.languages = [
      ...new Set([
        settings.defaultLanguage,
        ...configured,
        ...this.index.languages(),
        ...this.recurring.index.languages(),
      ]),
    ];
  }

  /**
   * The next version of the data: only the changed messages cost anything (the recurring windows
   * are expanded again only when they changed).
   */
  withChanges(changes: Omit<SnapshotHead, 'loadedAt'> & ChangedMessages, t: number): SnapshotView {
    const { changed, removed, ...head } = changes;
    const schedules = sameSchedules(this.head.schedules, head.schedules)
      ? this.head.schedules
      : head.schedules;
    return new SnapshotView(
      { ...head, schedules, loadedAt: t },
      this.index.with(changed, removed),
      t,
      this.recurring,
    );
  }

  /** The same data at a later instant (a boundary passed): no I/O. */
  at(t: number): SnapshotView {
    return new SnapshotView(this.head, this.index, t, this.recurring);
  }

  /** The data as plain arrays (the console's previews), made on first use. */
  get snapshot(): SnapshotData {
    this.#snapshot ??= { ...this.head, messages: [...this.messages] };
    return this.#snapshot;
  }

  /** Messages not ended at `computedAt`, active or scheduled, the recurring windows' occurrences included. */
  get messages(): readonly Message[] {
    this.#messages ??= [...this.index.messages(), ...this.recurring.index.messages()];
    return this.#messages;
  }

  language(request: LanguageRequest): string {
    const key = `${request.query ?? ''}\n${request.acceptLanguage ?? ''}`;
    let language = this.#negotiated.get(key);
    if (language === undefined) {
      language = negotiateLanguage(request, this.languages, this.head.settings.defaultLanguage);
      if (this.#negotiated.size >= 256) this.#negotiated.clear();
      this.#negotiated.set(key, language);
    }
    return language;
  }

  /** Messages shown for `baseKey` (its own and those for all bases), not ended. */
  messagesFor(baseKey: string): readonly Message[] {
    const recurring = this.recurring.index;
    if (recurring.size === 0) {
      const stored = this.index.bucket(ALL_BASES);
      return baseKey === ALL_BASES ? stored : [...stored, ...this.index.bucket(baseKey)];
    }
    const forAll = [...this.index.bucket(ALL_BASES), ...recurring.bucket(ALL_BASES)];
    return baseKey === ALL_BASES
      ? forAll
      : [...forAll, ...this.index.bucket(baseKey), ...recurring.bucket(baseKey)];
  }

  /** Whether anyone configured `baseKey` or a message names it; others get the all-bases answer. */
  #knows(baseKey: string): boolean {
    return (
      baseKey === ALL_BASES ||
      Object.hasOwn(this.head.settings.bases, baseKey) ||
      this.index.names(baseKey) ||
      this.recurring.index.names(baseKey)
    );
  }

  /** The answer for `baseKey`; a key nobody configured or targeted gets the all-bases answer. */
  startupError(baseKey: string, request: LanguageRequest): PreparedStartupError {
    const base = this.#knows(baseKey) ? baseKey : ALL_BASES;
    const language = this.language(request);
    const key = `${base}\n${language}`;
    let prepared = this.#bodies.get(key);
    if (!prepared) {
      const winner = activeMessages(this.messagesFor(base), base, this.computedAt)[0];
      const answer = buildStartupErrorResponse(this.head.settings, base, language, winner);
      const json = JSON.stringify(answer.body);
      prepared = { json, etag: contentTag(`${answer.language}\n${json}`), language: answer.language };
      this.#bodies.set(key, prepared);
    }
    return prepared;
  }

  /**
   * An answer built once per view and `key` (the key names everything the answer depends on besides
   * the view). Concurrent requests share one build; a failed build is forgotten, so the next asks again.
   */
  prepared<T>(key: string, build: Build<T>, ahead = false): Promise<T> {
    const found = this.#prepared.get(key);
    if (found) {
      // Most recently used last: eviction and warming take the order from here.
      this.#prepared.delete(key);
      this.#prepared.set(key, found);
      if (!ahead) found.requested = true;
      return found.value as Promise<T>;
    }
    const value = Promise.resolve().then(() => build(this));
    value.catch(() => this.#prepared.delete(key));
    this.#prepared.set(key, { value, build, requested: !ahead });
    if (this.#prepared.size > PREPARED_KEPT) this.#prepared.delete(this.#prepared.keys().next().value ?? key);
    return value;
  }

  /**
   * Builds the answers requests asked `previous` for (the most recent ones), one at a time with other
   * work in between, so that this view can replace it without anyone waiting for a rebuild. An
   * answer nobody asked for while `previous` served is not built again until someone does.
   */
  async warmFrom(previous: SnapshotView): Promise<void> {
    const recent = [...previous.#prepared].filter(([, entry]) => entry.requested).slice(-WARMED);
    for (const [key, entry] of recent) {
      await this.prepared(key, entry.build, true).catch(() => undefined);
      await nextTurn();
    }
  }
}

/** Whether two lists hold the same windows at the same versions (then their expansion is reused). */
function sameSchedules(a: readonly Schedule[], b: readonly Schedule[]): boolean {
  return a.length === b.length && a.every((s, i) => s.id === b[i]?.id && s.version === b[i]?.version);
}
