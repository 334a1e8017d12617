import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../contract/message.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../contract/settings.ts';
import type { AuditEntry, Store } from './store.ts';

/** A store under test: `reopen()` closes nothing itself and opens a second store over the same data. */
export interface StoreFixture {
  store: Store;
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

/**
 * The one contract every Store implementation must keep (file store on Node, D1 on Workers).
 * Call it at the top level of a test file; `makeStore` must give an empty store each time.
 */
export function defineStoreContract(label: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${label}`, () => {
    let fixture: StoreFixture;
    let store: Store;
    const reopened: Store[] = [];

    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });

    afterEach(async () => {
      for (const other of reopened.splice(0)) await other.close();
      await store.close();
      await fixture.cleanup();
    });

    async function reopen(): Promise<Store> {
      const next = await fixture.reopen();
      reopened.push(next);
      return next;
    }

    it('loads an empty store as the default settings and no messages', async () => {
      const snapshot = await store.load();
      expect(snapshot.settings).toEqual(DEFAULT_SETTINGS);
      expect(snapshot.messages).toEqual([]);
      expect(Number.isInteger(snapshot.settingsVersion)).toBe(true);
      expect(await store.listAudit(10)).toEqual([]);
    });

    it('creates a message and returns it unchanged, Cyrillic and optional fields included', async () => {
      const full = sampleMessage('m-full', {
        helpText: { ru: 'Дежурный: +7 (495) 123-45-67' },
        helpURL: 'https://help.example.local/1c',
        timeZone: 'Europe/Riga',
        updatedBy: 'ops',
      });
      const bare = sampleMessage('m-bare', { bases: ['buh', 'zup'], severity: 'info' });
      await store.createMessage(full, audit('a1', 'message.create', full.id, { after: full }));
      await store.createMessage(bare, audit('a2', 'message.create', bare.id, { after: bare }));

      const { messages } = await store.load();
      expect(byId(messages)).toEqual([bare, full]);
    });

    it('updates only when the stored version is the expected one', async () => {
      const original = sampleMessage('m1');
      await store.createMessage(original, audit('a1', 'message.create', 'm1', { after: original }));

      const edited = { ...original, text: { ru: 'Вход снова доступен после 15:00 (МСК).' }, version: 2 };
      expect(await store.updateMessage(edited, 1, audit('a2', 'message.update', 'm1'))).toBe('ok');
      expect((await store.load()).messages).toEqual([edited]);

      const stale = { ...original, text: { ru: 'Устаревшая правка' }, version: 2 };
      expect(await store.updateMessage(stale, 1, audit('a3', 'message.update', 'm1'))).toBe('conflict');
      expect((await store.load()).messages).toEqual([edited]);

      const ghost = sampleMessage('missing', { version: 2 });
      expect(await store.updateMessage(ghost, 1, audit('a4', 'message.update', 'missing'))).toBe('not-found');
      expect((await store.load()).messages).toEqual([edited]);
    });

    it('deletes only when the stored version is the expected one', async () => {
      const message = sampleMessage('m1');
      await store.createMessage(message, audit('a1', 'message.create', 'm1'));

      expect(await store.deleteMessage('m1', 7, audit('a2', 'message.delete', 'm1'))).toBe('conflict');
      expect((await store.load()).messages).toEqual([message]);

      expect(await store.deleteMessage('m1', 1, audit('a3', 'message.delete', 'm1'))).toBe('ok');
      expect((await store.load()).messages).toEqual([]);

      expect(await store.deleteMessage('m1', 1, audit('a4', 'message.delete', 'm1'))).toBe('not-found');
    });

    it('puts settings unconditionally or against an expected version', async () => {
      const initial = (await store.load()).settingsVersion;

      const first = await store.putSettings(
        sampleSettings,
        undefined,
        audit('a1', 'settings.update', 'settings'),
      );
      if (first === 'conflict') throw new Error('an unconditional put must not conflict');
      expect(first.version).toBeGreaterThan(initial);
      expect(await store.load()).toMatchObject({ settings: sampleSettings, settingsVersion: first.version });

      const changed: Settings = { ...sampleSettings, defaultLanguage: 'en' };
      const stale = await store.putSettings(changed, initial, audit('a2', 'settings.update', 'settings'));
      expect(stale).toBe('conflict');
      expect((await store.load()).settings).toEqual(sampleSettings);

      const second = await store.putSettings(
        changed,
        first.version,
        audit('a3', 'settings.update', 'settings'),
      );
      if (second === 'conflict') throw new Error('a put with the current version must succeed');
      expect(second.version).toBeGreaterThan(first.version);
      expect(await store.load()).toMatchObject({ settings: changed, settingsVersion: second.version });

      const third = await store.putSettings(
        sampleSettings,
        undefined,
        audit('a4', 'settings.update', 'settings'),
      );
      if (third === 'conflict') throw new Error('an unconditional put must not conflict');
      expect(third.version).toBeGreaterThan(second.version);
    });

    it('puts settings against the initial version of an empty store', async () => {
      const initial = (await store.load()).settingsVersion;
      const put = await store.putSettings(
        sampleSettings,
        initial,
        audit('a1', 'settings.update', 'settings'),
      );
      if (put === 'conflict') throw new Error('the initial version is the current one');
      expect((await store.load()).settings).toEqual(sampleSettings);
      expect(
        await store.putSettings(DEFAULT_SETTINGS, initial, audit('a2', 'settings.update', 'settings')),
      ).toBe('conflict');
    });

    it('keeps an audit trail of successful writes only, newest first, up to the limit', async () => {
      const message = sampleMessage('m1');
      const created = audit('a1', 'message.create', 'm1', { after: message });
      await store.createMessage(message, created);
      const updated = audit('a2', 'message.update', 'm1', {
        before: message,
        after: { ...message, version: 2 },
      });
      await store.updateMessage({ ...message, version: 2 }, 1, updated);
      await store.updateMessage({ ...message, version: 2 }, 1, audit('lost-1', 'message.update', 'm1'));
      await store.deleteMessage('m1', 9, audit('lost-2', 'message.delete', 'm1'));
      await store.updateMessage(sampleMessage('nope'), 1, audit('lost-3', 'message.update', 'nope'));
      const settings = audit('a3', 'settings.update', 'settings', {
        before: DEFAULT_SETTINGS,
        after: sampleSettings,
      });
      await store.putSettings(sampleSettings, undefined, settings);
      await store.putSettings(sampleSettings, -1, audit('lost-4', 'settings.update', 'settings'));
      const deleted = audit('a4', 'message.delete', 'm1', { before: { ...message, version: 2 } });
      await store.deleteMessage('m1', 2, deleted);

      expect(await store.listAudit(100)).toEqual([deleted, settings, updated, created]);
      expect(await store.listAudit(2)).toEqual([deleted, settings]);
    });

    it('keeps everything written across a reopen', async () => {
      const kept = sampleMessage('kept');
      const gone = sampleMessage('gone');
      await store.createMessage(kept, audit('a1', 'message.create', 'kept'));
      await store.createMessage(gone, audit('a2', 'message.create', 'gone'));
      await store.deleteMessage('gone', 1, audit('a3', 'message.delete', 'gone'));
      const put = await store.putSettings(
        sampleSettings,
        undefined,
        audit('a4', 'settings.update', 'settings'),
      );
      if (put === 'conflict') throw new Error('an unconditional put must not conflict');
      await store.close();

      const again = await reopen();
      store = again;
      reopened.pop();
      expect(await again.load()).toEqual({
        settings: sampleSettings,
        settingsVersion: put.version,
        messages: [kept],
      });
      expect((await again.listAudit(10)).map((entry) => entry.id)).toEqual(['a4', 'a3', 'a2', 'a1']);
      expect(
        await again.updateMessage({ ...kept, version: 2 }, 1, audit('a5', 'message.update', 'kept')),
      ).toBe('ok');
    });

    it('lets exactly one of many concurrent updates with the same expected version win', async () => {
      const message = sampleMessage('m1');
      await store.createMessage(message, audit('a0', 'message.create', 'm1'));

      const contenders = Array.from({ length: 20 }, (_, n) => ({
        ...message,
        text: { ru: `Правка номер ${n}` },
        version: 2,
      }));
      const results = await Promise.all(
        contenders.map((next, n) => store.updateMessage(next, 1, audit(`u${n}`, 'message.update', 'm1'))),
      );
      expect(results.filter((result) => result === 'ok')).toHaveLength(1);
      expect(results.filter((result) => result === 'conflict')).toHaveLength(contenders.length - 1);

      const winner = results.indexOf('ok');
      expect((await store.load()).messages).toEqual([contenders[winner]]);
      const trail = await store.listAudit(100);
      expect(trail.map((entry) => entry.id)).toEqual([`u${winner}`, 'a0']);
    });

    it('lets exactly one of many concurrent settings puts with the same expected version win', async () => {
      const initial = (await store.load()).settingsVersion;
      const contenders = Array.from({ length: 10 }, (_, n) => ({
        ...sampleSettings,
        helpURL: `https://h${n}.example`,
      }));
      const results = await Promise.all(
        contenders.map((next, n) =>
          store.putSettings(next, initial, audit(`s${n}`, 'settings.update', 'settings')),
        ),
      );
      const winners = results.filter((result) => result !== 'conflict');
      expect(winners).toHaveLength(1);
      const winner = results.findIndex((result) => result !== 'conflict');
      expect((await store.load()).settings).toEqual(contenders[winner]);
    });
  });
}

function byId(messages: Message[]): Message[] {
  return [...messages].sort((a, b) => a.id.localeCompare(b.id));
}

const sampleSettings: Settings = {
  defaultLanguage: 'ru',
  timeZone: 'Europe/Moscow',
  helpText: { ru: 'Дежурный администратор: +7 (495) 123-45-67', lv: 'Dežurants: +371 2000 0000' },
  helpURL: 'https://help.example.local/1c',
  bases: {
    buh: { name: 'Бухгалтерия', helpURL: 'https://help.example.local/buh' },
    zup: { name: 'Зарплата и управление персоналом', helpText: { en: 'Call HR IT: 123' } },
  },
};

function sampleMessage(id: string, overrides: Partial<Message> = {}): Message {
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

let clockTick = 0;

/** Audit entries get strictly increasing times, so "newest first" is the same by time and by order. */
function audit(
  id: string,
  action: AuditEntry['action'],
  target: string,
  extra: Pick<AuditEntry, 'before' | 'after'> = {},
): AuditEntry {
  clockTick += 1;
  const at = new Date(Date.UTC(2026, 10, 23, 9, 0, 0) + clockTick * 1000).toISOString();
  return { id, at, actor: 'admin', action, target, ...extra };
}
