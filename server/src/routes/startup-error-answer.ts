import { baseKeyFromPath } from '../../../contract/base-key.ts';
import type { LoginErrorReport } from '../../../contract/captured-request.ts';
import { ALL_BASES } from '../domain/active-message.ts';
import { matchesIfNoneMatch } from '../domain/etag.ts';
import { bodyHead, captureRequest, type RequestToCapture } from '../domain/request-capture.ts';
import type { SnapshotView } from '../domain/snapshot-view.ts';
import type { PreparedStartupError } from '../store/snapshot-cache.ts';
import type { ServiceDeps } from './deps.ts';

/**
 * `/startup-error/<baseKey>[.json][/anything]` → the base key; `/startup-error[.json]` and shapes
 * that cannot be a key → `*`. Unknown keys are not refused: the cache answers them like `*`.
 */
export function startupErrorBaseKey(path: string): string {
  let key = knownKeys.get(path);
  if (key === undefined) {
    key = baseKeyOf(path);
    // Paths are few (one or two per base); a flood of made-up ones only restarts the memory.
    if (knownKeys.size >= KNOWN_KEYS_KEPT) knownKeys.clear();
    knownKeys.set(path, key);
  }
  return key;
}

/** Base keys of the paths seen lately: the hot path asks the same few again and again. */
const knownKeys = new Map<string, string>();
const KNOWN_KEYS_KEPT = 1_024;

function baseKeyOf(path: string): string {
  let rest = path.slice('/startup-error'.length);
  // Most paths have no `.json` (the platform asks for `/startup-error/<base>`): skip the pattern.
  if (rest.length > 4 && rest.toLowerCase().includes('.json')) {
    rest = rest.replace(/^(\/[^/]*?)\.json(?=\/|$)/i, '$1');
  }
  return baseKeyFromPath(rest) ?? ALL_BASES;
}

// Written out once: the same headers go with every answer (no per-request CORS middleware work).
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, HEAD, OPTIONS',
  'access-control-expose-headers': 'ETag, Content-Language',
  'access-control-max-age': '86400',
};

/** Response headers per precomputed answer, built once: a new answer is a new object. */
const headersOf = new WeakMap<PreparedStartupError, Record<string, string>>();

function answerHeaders(prepared: PreparedStartupError): Record<string, string> {
  let headers = headersOf.get(prepared);
  if (!headers) {
    headers = {
      ...CORS_HEADERS,
      'access-control-allow-headers': 'Content-Type, Accept-Language',
      'content-type': 'application/json; charset=utf-8',
      'content-language': prepared.language,
      'cache-control': 'no-cache',
      vary: 'Accept-Language',
      etag: prepared.etag,
    };
    headersOf.set(prepared, headers);
  }
  return headers;
}

/** What the answer needs of a request, whichever server took it (Hono, or Node's own fast path). */
export interface StartupErrorRequest {
  method: string;
  /** Absolute URL, as captured. */
  url: string;
  /** The path as routed (percent-decoded as Hono does). */
  path: string;
  headers: Pick<Headers, 'get' | 'forEach'>;
  clientAddress: string | undefined;
  /** POST only: the platform's report, whatever its shape (captured, never parsed). */
  body?: Uint8Array | undefined;
}

export interface StartupErrorAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: string | null;
}

/**
 * The answer for a 1C client, precomputed in the snapshot cache; the request is recorded for the
 * activity log after the answer (`background` keeps that work alive where a runtime needs telling).
 * Answers at once when the cache's view is ready (the usual case), else once it is loaded.
 */
export function answerStartupError(
  deps: Pick<ServiceDeps, 'cache' | 'now' | 'activity' | 'reportWebhook'>,
  request: StartupErrorRequest,
  background: (work: Promise<unknown>) => void,
): StartupErrorAnswer | Promise<StartupErrorAnswer> {
  const view = deps.cache.ready();
  if (view) return answerFrom(view, deps, request, background);
  return deps.cache.view().then((loaded) => answerFrom(loaded, deps, request, background));
}

function answerFrom(
  view: SnapshotView,
  deps: Pick<ServiceDeps, 'now' | 'activity' | 'reportWebhook'>,
  request: StartupErrorRequest,
  background: (work: Promise<unknown>) => void,
): StartupErrorAnswer {
  const { method, url, headers: requestHeaders, body } = request;
  const baseKey = startupErrorBaseKey(request.path);
  const prepared = view.startupError(baseKey, {
    query: url.includes('?') ? (new URL(url).searchParams.get('lang') ?? undefined) : undefined,
    acceptLanguage: requestHeaders.get('accept-language') ?? undefined,
  });

  const raw: RequestToCapture = {
    at: deps.now(),
    method,
    url,
    headers: requestHeaders,
    clientAddress: request.clientAddress,
    ...(body && { body: bodyHead(body), bodyBytes: body.length }),
  };
  // Kept in memory now, written to the store after the answer (see ActivityRecorder).
  const report: LoginErrorReport | undefined =
    method === 'POST' ? { ...captureRequest(raw), baseKey } : undefined;
  background(deps.activity.record(raw, report));
  if (report && deps.reportWebhook) background(deps.reportWebhook.deliver(report));

  let headers = answerHeaders(prepared);
  const requested = requestHeaders.get('access-control-request-headers');
  if (requested) headers = { ...headers, 'access-control-allow-headers': requested };
  if (
    method !== 'POST' &&
    matchesIfNoneMatch(requestHeaders.get('if-none-match') ?? undefined, prepared.etag)
  ) {
    return { status: 304, headers, body: null };
  }
  return { status: 200, headers, body: prepared.json };
}
