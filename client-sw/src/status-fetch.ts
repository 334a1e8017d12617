import { type DroppedField, readStatusAnswer, type StatusEntry } from './shown-status.ts';
import { STATUS_TIMEOUT_MS } from './sw-messages.ts';

export interface StatusFetchOptions {
  /** The zone a `displayUntil` without an offset is read in (the kit's `timeZone`, else the browser's). */
  readonly timeZone: string;
  readonly fetchImpl: typeof fetch;
  readonly timeoutMs?: number;
  /** Told about every field left out of an answer (the worker logs them for the administrator). */
  readonly onDropped?: (url: string, dropped: readonly DroppedField[]) => void;
}

/**
 * Fetches this base's startup-error answer in `language` and reads it field by field: a wrong field
 * is left out (and reported), the rest is kept. No answer in time, an HTTP error or a body that is not
 * a JSON object is `undefined`: the caller then falls back to the last known answer.
 */
export async function fetchStartupStatus(
  statusURL: string,
  language: string,
  options: StatusFetchOptions,
): Promise<StatusEntry | undefined> {
  const url = new URL(statusURL);
  url.searchParams.set('lang', language);
  // Called on its own, not as a method of `options`: the browser's fetch refuses any other `this`.
  const { fetchImpl } = options;
  try {
    const response = await fetchImpl(url, {
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? STATUS_TIMEOUT_MS),
    });
    if (!response.ok) return undefined;
    const dropped: DroppedField[] = [];
    const answer = readStatusAnswer(await response.json(), options.timeZone, dropped);
    if (dropped.length > 0) options.onDropped?.(url.href, dropped);
    return answer && { fetchedAt: new Date().toISOString(), response: answer };
  } catch {
    return undefined;
  }
}

/** A console line an administrator can act on: which fields of which answer were left out, and why. */
export function describeDropped(url: string, dropped: readonly DroppedField[]): string {
  const fields = dropped.map((d) => `${d.field} ${JSON.stringify(d.value)} ${d.reason}`).join('; ');
  return `startup-help: ${url} answered with fields the page cannot use, so they are left out and the rest is shown: ${fields}. Fix them in the status service's answer.`;
}
