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

/**
 * Keeps only the known string fields of an answer the page fetched by itself (no service worker, so no
 * zod in the page): everything else is dropped, and the text is later inserted as text anyway.
 */
export function pickStatusFields(json: unknown): StartupErrorResponse | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const record = json as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  const response: StartupErrorResponse = {};
  const userMessage = text('userMessage');
  const displayUntil = text('displayUntil');
  const helpText = text('helpText');
  const helpURL = text('helpURL');
  if (userMessage !== undefined) response.userMessage = userMessage;
  if (displayUntil !== undefined && Number.isFinite(Date.parse(displayUntil)))
    response.displayUntil = displayUntil;
  if (helpText !== undefined) response.helpText = helpText;
  if (isHttpURL(helpURL)) response.helpURL = helpURL;
  return response;
}

/**
 * A status entry read back from the cache: written by an older version of this worker, or damaged,
 * it is checked like a live answer (field by field) before it is shown; a wrong shape is no entry.
 */
export function parseStatusEntry(json: unknown): StatusEntry | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { fetchedAt, response } = json as { fetchedAt?: unknown; response?: unknown };
  if (typeof fetchedAt !== 'string' || !Number.isFinite(Date.parse(fetchedAt))) return undefined;
  const fields = pickStatusFields(response);
  return fields ? { fetchedAt, response: fields } : undefined;
}
