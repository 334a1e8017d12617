import { describe, expect, it } from 'vitest';
import type { DroppedField } from './shown-status.ts';
import { describeDropped, fetchStartupStatus } from './status-fetch.ts';

const STATUS_URL = 'https://status.example.local/startup-error/buh';

function answering(body: unknown, status = 200) {
  const seen: string[] = [];
  // Like the browser's fetch, it refuses to be called as a method of something else.
  const fetchImpl = async function (this: unknown, input: URL | RequestInfo) {
    if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
    seen.push(String(input));
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  } as typeof fetch;
  return { fetchImpl, seen };
}

const options = (fetchImpl: typeof fetch) => ({ timeZone: 'Europe/Moscow', fetchImpl });

describe('fetchStartupStatus', () => {
  it('asks in the page language and returns the answer with its fetch time', async () => {
    const { fetchImpl, seen } = answering({
      userMessage: 'Работы до 14:00',
      displayUntil: '2026-11-23T14:00:00+03:00',
    });
    const entry = await fetchStartupStatus(STATUS_URL, 'lv', options(fetchImpl));
    expect(seen).toEqual([`${STATUS_URL}?lang=lv`]);
    expect(entry?.response).toEqual({
      userMessage: 'Работы до 14:00',
      displayUntil: '2026-11-23T14:00:00+03:00',
    });
    expect(Number.isFinite(Date.parse(entry?.fetchedAt ?? ''))).toBe(true);
  });

  it('keeps the message when another field is wrong, and reports what it left out', async () => {
    const reports: Array<{ url: string; dropped: readonly DroppedField[] }> = [];
    const entry = await fetchStartupStatus(STATUS_URL, 'ru', {
      ...options(
        answering({
          userMessage: 'Идут работы, вход после 14:00.',
          helpURL: 'javascript:alert(1)',
          displayUntil: '2026-11-23T14:00',
        }).fetchImpl,
      ),
      onDropped: (url, dropped) => reports.push({ url, dropped }),
    });
    // The hand-written deadline without an offset is read in the kit's zone, not thrown away.
    expect(entry?.response).toEqual({
      userMessage: 'Идут работы, вход после 14:00.',
      displayUntil: '2026-11-23T14:00:00+03:00',
    });
    expect(reports).toEqual([
      {
        url: `${STATUS_URL}?lang=ru`,
        dropped: [
          { field: 'helpURL', value: 'javascript:alert(1)', reason: 'is not an http:// or https:// address' },
        ],
      },
    ]);
    expect(describeDropped(reports[0]?.url ?? '', reports[0]?.dropped ?? [])).toBe(
      `startup-help: ${STATUS_URL}?lang=ru answered with fields the page cannot use, so they are left out and the rest is shown: helpURL "javascript:alert(1)" is not an http:// or https:// address. Fix them in the status service's answer.`,
    );
  });

  it('treats an HTTP error, a body that is not an object, a network error and no answer in time as "unknown"', async () => {
    expect(await fetchStartupStatus(STATUS_URL, 'ru', options(answering({}, 500).fetchImpl))).toBeUndefined();
    expect(await fetchStartupStatus(STATUS_URL, 'ru', options(answering([1]).fetchImpl))).toBeUndefined();
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await fetchStartupStatus(STATUS_URL, 'ru', options(failing))).toBeUndefined();
    const silent = ((_input: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof fetch;
    expect(await fetchStartupStatus(STATUS_URL, 'ru', { ...options(silent), timeoutMs: 10 })).toBeUndefined();
  });
});
