import { describe, expect, it } from 'vitest';
import { fetchStartupStatus } from './status-fetch.ts';

const STATUS_URL = 'https://status.example.local/startup-error/buh';

function answering(body: unknown, status = 200) {
  const seen: string[] = [];
  const fetchImpl = (async (input: URL | RequestInfo) => {
    seen.push(String(input));
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return { fetchImpl, seen };
}

describe('fetchStartupStatus', () => {
  it('asks in the page language and returns the validated answer with its fetch time', async () => {
    const { fetchImpl, seen } = answering({
      userMessage: 'Работы до 14:00',
      displayUntil: '2026-11-23T14:00:00+03:00',
    });
    const entry = await fetchStartupStatus(STATUS_URL, 'lv', fetchImpl);
    expect(seen).toEqual([`${STATUS_URL}?lang=lv`]);
    expect(entry?.response).toEqual({
      userMessage: 'Работы до 14:00',
      displayUntil: '2026-11-23T14:00:00+03:00',
    });
    expect(Number.isFinite(Date.parse(entry?.fetchedAt ?? ''))).toBe(true);
  });

  it('refuses an answer that breaks the wire contract', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect(
        await fetchStartupStatus(STATUS_URL, 'ru', answering({ helpURL: 'javascript:alert(1)' }).fetchImpl),
      ).toBe(undefined);
      expect(await fetchStartupStatus(STATUS_URL, 'ru', answering({ displayUntil: '14:00' }).fetchImpl)).toBe(
        undefined,
      );
    } finally {
      console.warn = warn;
    }
  });

  it('treats an HTTP error, a network error and no answer in time as "unknown"', async () => {
    expect(await fetchStartupStatus(STATUS_URL, 'ru', answering({}, 500).fetchImpl)).toBeUndefined();
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await fetchStartupStatus(STATUS_URL, 'ru', failing)).toBeUndefined();
    const silent = ((_input: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof fetch;
    expect(await fetchStartupStatus(STATUS_URL, 'ru', silent, 10)).toBeUndefined();
  });
});
