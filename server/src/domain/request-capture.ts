import type { CapturedRequest } from '../contract/captured-request.ts';

/** Headers that carry credentials: never kept, never shown. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
export const CAPTURED_BODY_BYTES = 4096;

export interface RequestToCapture {
  at: number;
  method: string;
  url: string;
  headers: Headers;
  body?: Uint8Array | undefined;
  clientAddress?: string | undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** First 4 KB of a body: text when it is UTF-8, base64 otherwise (binary, invalid UTF-8). */
export function bodyExcerpt(body: Uint8Array): { body: string; bodyEncoding: 'utf-8' | 'base64' } {
  const head = body.subarray(0, CAPTURED_BODY_BYTES);
  try {
    // A multi-byte character cut at 4 KB is not "invalid"; decode in streaming mode for the cut.
    return { body: strictUtf8.decode(head, { stream: body.length > head.length }), bodyEncoding: 'utf-8' };
  } catch {
    let binary = '';
    for (const byte of head) binary += String.fromCharCode(byte);
    return { body: btoa(binary), bodyEncoding: 'base64' };
  } finally {
    strictUtf8.decode();
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
    bodyBytes: request.body?.length ?? 0,
    ...(request.body && request.body.length > 0 && bodyExcerpt(request.body)),
  };
}

/** A fixed-size ring: the newest `capacity` items, memory bounded whatever the traffic. */
export class Ring<T> {
  readonly #items: (T | undefined)[];
  #next = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    this.#items = new Array(capacity);
  }

  push(item: T): void {
    this.#items[this.#next] = item;
    this.#next = (this.#next + 1) % this.capacity;
    this.#size = Math.min(this.#size + 1, this.capacity);
  }

  /** Newest first. */
  newest(limit = this.capacity): T[] {
    const out: T[] = [];
    for (let i = 1; i <= Math.min(limit, this.#size); i++) {
      out.push(this.#items[(this.#next - i + this.capacity) % this.capacity] as T);
    }
    return out;
  }

  get size(): number {
    return this.#size;
  }
}
