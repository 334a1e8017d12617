import type { UpstreamFailure } from './plan-upstream-answer.ts';

/**
 * `GET /friendly/<baseKey>?status=…&reason=…&seconds=…&url=…`: the friendly page for a front
 * (nginx `error_page`, or our own Node proxy) that could not get a page from the 1C web server.
 *
 * - `status`: the HTTP status the front got or made (500–599; nginx's `$upstream_status`, whose
 *   list form `502, 504` counts by its last entry);
 * - `reason`: `refused` (no connection) or `timeout` (no answer in time); empty or absent = the 1C
 *   web server answered `status` itself;
 * - `seconds`: how long the front waited, for "no answer within N s";
 * - `url`: the page the user was opening, as a path; or the `X-Original-URI` header (nginx
 *   `$request_uri`, which cannot be put into a query unescaped);
 * - `lang`: the page's language, as `?lang=` on any page (else `Accept-Language`).
 */
export interface FriendlyPageQuery {
  failure: UpstreamFailure;
  /** What a request that is not a page load gets instead of the page. */
  status: number;
  /** A same-site path, or undefined when none (or an unsafe one) was given. */
  url: string | undefined;
}

export const FRIENDLY_PATH = '/friendly';

/** The path to ask for the page (used by the Node proxy for its own failures). */
export function friendlyPagePath(
  baseKey: string | undefined,
  failure: UpstreamFailure,
  url: string,
  lang?: string,
): string {
  const query = new URLSearchParams();
  if (failure.kind === 'server-error') query.set('status', String(failure.status));
  else query.set('reason', failure.kind);
  if (failure.kind === 'timeout' && failure.seconds !== undefined)
    query.set('seconds', String(failure.seconds));
  query.set('url', url);
  if (lang) query.set('lang', lang);
  return `${FRIENDLY_PATH}${baseKey === undefined ? '' : `/${encodeURIComponent(baseKey)}`}?${query}`;
}

/**
 * Reads the query; a value that cannot be meant gets an error naming the parameter and what to
 * write (the front's configuration is wrong, and its administrator should hear so at once).
 */
export function parseFriendlyPageQuery(
  get: (name: string) => string | undefined,
  originalURI: string | undefined,
): FriendlyPageQuery | { error: string } {
  const rawStatus = lastEntry(get('status'));
  if (rawStatus !== undefined && !/^5\d\d$/.test(rawStatus)) {
    return {
      error: `status "${rawStatus}" must be the HTTP status the 1C web server failed with, 500 to 599, e.g. 502`,
    };
  }
  const status = rawStatus === undefined ? undefined : Number(rawStatus);
  const reason = get('reason')?.trim() ?? '';
  if (reason !== '' && reason !== 'refused' && reason !== 'timeout') {
    return { error: `reason "${reason}" must be "refused", "timeout" or empty` };
  }
  const rawSeconds = lastEntry(get('seconds'));
  const seconds = rawSeconds === undefined ? undefined : Number(rawSeconds);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds >= 0 && seconds <= 86_400)) {
    return { error: `seconds "${rawSeconds}" must be how long the front waited, in seconds, e.g. 60` };
  }
  let failure: UpstreamFailure;
  if (reason === 'timeout') {
    // nginx's $upstream_response_time says 120.004 for a 120 s timeout; the page says "120 s".
    failure = seconds ? { kind: 'timeout', seconds: Math.round(seconds * 10) / 10 } : { kind: 'timeout' };
  } else if (reason === 'refused' || status === undefined) {
    failure = { kind: 'refused' };
  } else {
    failure = { kind: 'server-error', status };
  }
  const fallbackStatus = failure.kind === 'timeout' ? 504 : 502;
  return { failure, status: status ?? fallbackStatus, url: samePath(get('url') ?? originalURI) };
}

/**
 * nginx gives one entry per upstream tried (`502, 504`) and `-` for "none": the last real one counts.
 */
function lastEntry(value: string | undefined): string | undefined {
  const entry = value?.split(/[,:]/).at(-1)?.trim();
  return entry === undefined || entry === '' || entry === '-' ? undefined : entry;
}

/**
 * Only a path on the page's own site: the page fetches `url` and then goes there, so an absolute
 * or scheme-relative address (`//evil.example`) would make it a redirect to anywhere.
 */
function samePath(url: string | undefined): string | undefined {
  if (url === undefined || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\'))
    return undefined;
  // Control characters have no place in a request target.
  for (const char of url) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return undefined;
  }
  return url;
}
