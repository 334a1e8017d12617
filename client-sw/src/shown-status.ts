import { isoInZone, parseInstant, zoneOfOffset } from '../../contract/local-time.ts';
import type { StartupErrorResponse } from '../../contract/startup-error-response.ts';

/** One answer of the status service and when it arrived (ISO time). */
export interface StatusEntry {
  readonly fetchedAt: string;
  readonly response: StartupErrorResponse;
}

/** What the page knows: the answer just fetched, and/or the last answer cached earlier. */
export interface StatusLookup {
  readonly live?: StatusEntry | undefined;
  readonly lastKnown?: StatusEntry | undefined;
}

/** What the page shows. `asOf` is set when the message comes from the cache and must say so. */
export interface ShownStatus {
  readonly userMessage?: string;
  readonly displayUntil?: string;
  readonly helpText?: string;
  readonly helpURL?: string;
  readonly asOf?: string;
}

/**
 * A cached message without a deadline is old news after this long. The server normally sends a
 * deadline; this only bounds answers from services that do not.
 */
export const LAST_KNOWN_MAX_AGE_MS = 12 * 60 * 60 * 1000;

function messageStillDue(entry: StatusEntry, now: number, cached: boolean): boolean {
  const { userMessage, displayUntil } = entry.response;
  if (userMessage === undefined || userMessage.trim() === '') return false;
  if (displayUntil !== undefined) {
    const until = Date.parse(displayUntil);
    return Number.isFinite(until) && now < until;
  }
  return !cached || now - Date.parse(entry.fetchedAt) < LAST_KNOWN_MAX_AGE_MS;
}

/**
 * Chooses what to show: the live answer when there is one; otherwise the last known answer, its
 * message labelled "as of <fetchedAt>" and never after its deadline. Contacts (help text and URL) from
 * the cache are kept even when its message has expired: whom to call rarely changes.
 */
export function selectShownStatus(lookup: StatusLookup, now: number): ShownStatus | undefined {
  const cached = lookup.live === undefined;
  const entry = lookup.live ?? lookup.lastKnown;
  if (entry === undefined) return undefined;
  const { helpText, helpURL } = entry.response;
  const contacts = { ...(helpText ? { helpText } : {}), ...(helpURL ? { helpURL } : {}) };
  if (!messageStillDue(entry, now, cached)) return contacts;
  return {
    ...contacts,
    userMessage: entry.response.userMessage as string,
    ...(entry.response.displayUntil ? { displayUntil: entry.response.displayUntil } : {}),
    ...(cached ? { asOf: entry.fetchedAt } : {}),
  };
}

/** True for absolute http(s) URLs: the only ones that may become a link. */
export function isHttpURL(value: string | undefined): value is string {
  if (value === undefined) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A field of a status answer that was left out, and why (the worker logs it; the page is quiet). */
export interface DroppedField {
  readonly field: string;
  readonly value: unknown;
  readonly reason: string;
}

function readDisplayUntil(value: string, timeZone: string): string | undefined {
  const ms = parseInstant(value, timeZone);
  if (ms === undefined) return undefined;
  // Written out again in one form; a time's own offset names the zone the service meant.
  const iso = isoInZone(ms, zoneOfOffset(value) ?? timeZone);
  return /^\d{4}-/.test(iso) ? iso : undefined;
}

/**
 * An answer of the status service, field by field: every valid field is kept, every invalid one is
 * left out (and listed in `dropped`), so a wrong help link never hides the message. A `displayUntil`
 * without an offset (hand-written static JSON) is read in `timeZone`. The worker and the page both
 * read answers with this; it keeps exactly what the contract's `StartupErrorResponse` accepts.
 */
export function readStatusAnswer(
  json: unknown,
  timeZone: string,
  dropped: DroppedField[] = [],
): StartupErrorResponse | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const record = json as Record<string, unknown>;
  const response: StartupErrorResponse = {};
  const drop = (field: string, reason: string) => dropped.push({ field, value: record[field], reason });
  for (const field of ['userMessage', 'helpText'] as const) {
    const value = record[field];
    if (typeof value === 'string') response[field] = value;
    else if (value !== undefined) drop(field, 'is not text');
  }
  const { helpURL, displayUntil } = record;
  if (isHttpURL(typeof helpURL === 'string' ? helpURL : undefined)) response.helpURL = helpURL as string;
  else if (helpURL !== undefined) drop('helpURL', 'is not an http:// or https:// address');
  const until = typeof displayUntil === 'string' ? readDisplayUntil(displayUntil, timeZone) : undefined;
  if (until !== undefined) response.displayUntil = until;
  else if (displayUntil !== undefined) drop('displayUntil', 'is not a date and time');
  return response;
}

/**
 * A status entry read back from the cache: written by an older version of this worker, or damaged,
 * it is checked like a live answer (field by field) before it is shown; a wrong shape is no entry.
 */
export function parseStatusEntry(json: unknown, timeZone: string): StatusEntry | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { fetchedAt, response } = json as { fetchedAt?: unknown; response?: unknown };
  if (typeof fetchedAt !== 'string' || !Number.isFinite(Date.parse(fetchedAt))) return undefined;
  const fields = readStatusAnswer(response, timeZone);
  return fields ? { fetchedAt, response: fields } : undefined;
}
