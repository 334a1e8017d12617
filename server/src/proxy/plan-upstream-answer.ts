import { canInjectInto } from './inject-script.ts';
import type { ProxyRoute } from './route-proxy-request.ts';

/** Why the origin could not serve a page; the friendly page says which, in plain words. */
export type UpstreamFailure =
  | { kind: 'refused' }
  /** `seconds`: how long we waited, when known. */
  | { kind: 'timeout'; seconds?: number }
  | { kind: 'server-error'; status: number };

/** Statuses that turn a navigation into the friendly page: the 1C cluster or its web server is down. */
export const FAILING_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export type UpstreamAnswer =
  | { kind: 'friendly'; failure: UpstreamFailure }
  | {
      kind: 'relay';
      /** Insert this tag into the HTML body; `undefined` = pass the body as it is. */
      inject: string | undefined;
      /** The body must be decoded first (`gzip`, `br`…); `undefined` = it is plain. */
      decode: string | undefined;
    };

export interface UpstreamHead {
  status: number;
  method: string;
  contentType: string | null | undefined;
  contentEncoding: string | null | undefined;
}

const RELAY = { kind: 'relay', inject: undefined, decode: undefined } as const;

/**
 * What to do with the origin's answer: a failing status on a page load becomes the friendly page;
 * an HTML page load gets the tag when its body can be read (plain, or in an encoding the runtime
 * can decode: `decodable`); everything else passes as it came.
 */
export function planUpstreamAnswer(
  route: Extract<ProxyRoute, { kind: 'upstream' }>,
  head: UpstreamHead,
  decodable: ReadonlySet<string>,
): UpstreamAnswer {
  if (route.navigation && FAILING_STATUSES.has(head.status)) {
    return { kind: 'friendly', failure: { kind: 'server-error', status: head.status } };
  }
  if (
    !route.inject ||
    head.method === 'HEAD' ||
    NULL_BODY_STATUSES.has(head.status) ||
    !canInjectInto(head.contentType ?? null)
  ) {
    return RELAY;
  }
  const encoding = (head.contentEncoding ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity')
    return { kind: 'relay', inject: route.inject, decode: undefined };
  return decodable.has(encoding) ? { kind: 'relay', inject: route.inject, decode: encoding } : RELAY;
}

export type FailureAnswer =
  | { kind: 'friendly'; failure: UpstreamFailure }
  | { kind: 'plain'; status: number; text: string; failure: UpstreamFailure };

/**
 * No answer from the origin: a page load gets the friendly page; a script's request gets a short
 * 502 (refused) or 504 (no headers in time), which the web client handles like any gateway error.
 */
export function planUpstreamFailure(
  failed: 'refused' | 'timeout',
  navigation: boolean,
  timeoutMs: number,
): FailureAnswer {
  const failure: UpstreamFailure =
    failed === 'timeout'
      ? { kind: 'timeout', seconds: Math.round(timeoutMs / 100) / 10 }
      : { kind: 'refused' };
  return navigation ? { kind: 'friendly', failure } : { ...plainFailure(failure), failure };
}

/** What a request that is not a page load gets for `failure`: a gateway status and one line of text. */
export function plainFailure(failure: UpstreamFailure): { kind: 'plain'; status: number; text: string } {
  switch (failure.kind) {
    case 'refused':
      return { kind: 'plain', status: 502, text: 'The 1C web server cannot be reached.\n' };
    case 'timeout':
      return {
        kind: 'plain',
        status: 504,
        text: `The 1C web server did not answer${failure.seconds === undefined ? ' in time' : ` within ${failure.seconds} s`}.\n`,
      };
    case 'server-error':
      return {
        kind: 'plain',
        status: failure.status,
        text: `The 1C web server is failing (HTTP ${failure.status}).\n`,
      };
  }
}
