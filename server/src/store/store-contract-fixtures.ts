import { afterEach } from 'vitest';
import type { LoginErrorReport } from '../../../contract/captured-request.ts';
import type { Message } from '../../../contract/message.ts';
import type { Settings } from '../../../contract/settings.ts';
import type { SqlStoreOptions } from './sql-store.ts';
import type { AuditEntry, Store } from './store.ts';

/** Fixtures and sample data for the store contract (store-contract.ts); fixed instants, no clock. */
export const T0 = Date.parse('2026-11-23T06:00:00Z');
export const HOUR = 3_600_000;

export const sampleSettings: Settings = {
  defaultLanguage: 'ru',
  timeZone: 'Europe/Moscow',
  helpText: { ru: 'Дежурный администратор: +7 (495) 123-45-67', lv: 'Dežurants: +371 2000 0000' },
  helpURL: 'https://help.example.local/1c',
  bases: {
    buh: { name: 'Бухгалтерия', helpURL: 'https://help.example.local/buh' },
    zup: { name: 'Зарплата и управление персоналом', helpText: { en: 'Call HR IT: 123' } },
  },
};

const iso = (t: number) => new Date(t).toISOString();

export function sampleMessage(id: string, overrides: Partial<Message> = {}): Message {
  return {
    id,
    text: {
      ru: 'Идут плановые работы. Вход снова будет доступен после {until}.',
      en: 'Planned maintenance.',
    },
    bases: ['*'],
    startsAt: '2026-11-23T10:00:00+03:00',
    displayUntil: '2026-11-23T14:00:00+03:00',
    severity: 'maintenance',
    createdAt: '2026-11-23T09:00:00+03:00',
    updatedAt: '2026-11-23T09:00:00+03:00',
    createdBy: 'admin',
    version: 1,
    ...overrides,
  };
}

/** A message shown from `start` to `end` (ms). */
export function messageBetween(id: string, start: number, end: number, overrides: Partial<Message> = {}) {
  return sampleMessage(id, {
    startsAt: iso(start),
    displayUntil: iso(end),
    createdAt: iso(start),
    ...overrides,
  });
}

let clockTick = 0;

/** Audit entries get strictly increasing times, so "newest first" is the same by time and by order. */
export function audit(
  id: string,
  action: AuditEntry['action'],
  target: string,
  extra: Partial<Pick<AuditEntry, 'before' | 'after' | 'at'>> = {},
): AuditEntry {
  clockTick += 1;
  const at = iso(Date.UTC(2026, 10, 23, 9, 0, 0) + clockTick * 1000);
  return { id, at, actor: 'admin', action, target, ...extra };
}

export function sampleReport(at: number, baseKey: string, body = 'login failed'): LoginErrorReport {
  return {
    at: iso(at),
    method: 'POST',
    path: `/startup-error/${baseKey}`,
    query: '',
    headers: [['content-type', 'text/plain']],
    bodyBytes: body.length,
    body,
    bodyEncoding: 'utf-8',
    baseKey,
  };
}

export function byId(messages: Message[]): Message[] {
  return [...messages].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * A store under test. `reopen()` opens a second store over the same data while the first stays open
 * (a second connection, as a second process would have); the suite closes what it opened.
 */
export interface StoreFixture {
  store: Store;
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

export type MakeStore = (options?: SqlStoreOptions) => Promise<StoreFixture>;

/** Opens fixtures and closes every store they gave out after each test. */
export function useFixtures(makeStore: MakeStore) {
  const open: { fixture: StoreFixture; stores: Store[] }[] = [];
  afterEach(async () => {
    for (const { fixture, stores } of open.splice(0)) {
      for (const store of stores) await store.close();
      await fixture.cleanup();
    }
  });
  return async (options?: SqlStoreOptions) => {
    const fixture = await makeStore(options);
    const entry = { fixture, stores: [fixture.store] };
    open.push(entry);
    const reopen = async () => {
      const next = await fixture.reopen();
      entry.stores.push(next);
      return next;
    };
    return { store: fixture.store, reopen };
  };
}
