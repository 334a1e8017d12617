import type { CapturedRequest } from '../../../contract/captured-request.ts';

/** Headers that carry credentials: never kept, never shown. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
export const CAPTURED_BODY_BYTES = 4096;
/** Requests kept for `/api/admin/requests`: the last 200. */
export const CAPTURED_REQUESTS = 200;

/**
 * A request as the hot path keeps it: references and numbers only. Turning it into the JSON shape
 * (URL parsing, header filtering, decoding) waits until an administrator asks for it.
 */
export interface RequestToCapture {
  at: number;
  method: string;
  url: string;
  /** Only walked: Web `Headers`, or a view of Node's parsed headers. */
  headers: Pick<Headers, 'forEach'>;
  /** The first bytes of the body (at least `CAPTURED_BODY_BYTES + 3`, to decode a cut character). */
  body?: Uint8Array | undefined;
  /** The whole body's size; defaults to `body.length`. */
  bodyBytes?: number | undefined;
  clientAddress?: string | undefined;
}

/** What to keep of a body: a copy of its head, so the rest can be freed at once. */
export function bodyHead(body: Uint8Array): Uint8Array {
  return body.slice(0, CAPTURED_BODY_BYTES + 3);
}

/** First 4 KB of a body: text when it is UTF-8, base64 otherwise (binary, invalid UTF-8). */
export function bodyExcerpt(body: Uint8Array): { body: string; bodyEncoding: 'utf-8' | 'base64' } {
  const head = body.subarray(0, CAPTURED_BODY_BYTES);
  try {
    // A character cut at 4 KB is not "invalid": streaming mode holds the partial bytes back. A fresh
    // decoder each time, never flushed, so the held-back bytes cannot throw later.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head, {
      stream: body.length > head.length,
    });
    return { body: text, bodyEncoding: 'utf-8' };
  } catch {
    let binary = '';
    for (const byte of head) binary += String.fromCharCode(byte);
    return { body: btoa(binary), bodyEncoding: 'base64' };
  }
}

export function captureRequest(request: RequestToCapture): CapturedRequest {
  const url = new URL(request.url);
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => {
    if (!SECRET_HEADERS.has(name.toLowerCase())) headers.push([name, value]);
  });
  return {
    at: new Date(request.at).toISOString(),
    method: request.method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers,
    ...(request.clientAddress && { clientAddress: request.clientAddress }),
    bodyBytes: request.bodyBytes ?? request.body?.length ?? 0,
    ...(request.body && request.body.length > 0 && bodyExcerpt(request.body)),
  };
}
