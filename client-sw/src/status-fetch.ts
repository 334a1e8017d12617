import { StartupErrorResponse } from '../../contract/startup-error-response.ts';
import type { StatusEntry } from './shown-status.ts';
import { STATUS_TIMEOUT_MS } from './sw-messages.ts';

/**
 * Fetches this base's startup-error answer in `language` and validates it with the shared wire
 * schema. Any failure (no answer in time, HTTP error, not JSON, wrong shape) is `undefined`: the
 * caller then falls back to the last known answer.
 */
export async function fetchStartupStatus(
  statusURL: string,
  language: string,
  fetchImpl: typeof fetch,
  timeoutMs: number = STATUS_TIMEOUT_MS,
): Promise<StatusEntry | undefined> {
  const url = new URL(statusURL);
  url.searchParams.set('lang', language);
  try {
    const response = await fetchImpl(url, {
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return undefined;
    const parsed = StartupErrorResponse.safeParse(await response.json());
    if (!parsed.success) {
      console.warn(`startup-help: ${url.href} answered with an unexpected shape`, parsed.error.issues);
      return undefined;
    }
    return { fetchedAt: new Date().toISOString(), response: parsed.data };
  } catch {
    return undefined;
  }
}
