import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../contract/settings.ts';
import { defineAutomationStoreContract } from './automation-store-contract.ts';
import { type AuditEntry, BadCursorError, DuplicateIdError, type Store } from './store.ts';
import {
  audit,
  byId,
  type MakeStore,
  sampleMessage,
  sampleSettings,
  useFixtures,
} from './store-contract-fixtures.ts';
import { defineHistoryContract } from './store-contract-history.ts';

async function allAudit(store: Store): Promise<AuditEntry[]> {
  return (await store.listAudit({ limit: 1000 })).entries;
}

/**
 * The one contract the store keeps on every driver (node:sqlite on Node, D1 on Workers): the same
 * answers and the same errors for the same cases. Call it at the top level of a test file.
 */
export function defineStoreContract(label: string, makeStore: MakeStore): void {
  describe(`Store contract: ${label}`, () => {
    const open = useFixtures(makeStore);
    let store: Store;
    let reopen: () => Promise<Store>;

    beforeEach(async () => {
      ({ store, reopen } = await open());
    });

    it('starts with the default settings, no messages and an empty audit log', async () => {
      expect(await store.getSettings()).toEqual({ settings: DEFAULT_SETTINGS, version: 0 });
      expect(await store.listMessages()).toEqual([]);
      expect(await store.listAudit({ limit: 10 })).toEqual({ entries: [] });
      expect(await store.loadSnapshot(0)).toMatchObject({ settings: DEFAULT_SETTINGS, messages: [] });
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

      expect(byId(await store.listMessages())).toEqual([bare, full]);
      expect(await store.getMessage('m-full')).toEqual(full);
      expect(await store.getMessage('nothing')).toBeUndefined();
    });

    it('refuses a second message with the same id with DuplicateIdError, changing nothing', async () => {
      const first = sampleMessage('same');
      await store.createMessage(first, audit('a1', 'message.create', 'same'));
      const again = sampleMessage('same', { text: { ru: 'Другой текст' } });
      const refused = await store.createMessage(again, audit('a2', 'message.create', 'same')).catch((e) => e);
      expect(refused).toBeInstanceOf(DuplicateIdError);
      expect((refused as DuplicateIdError).id).toBe('same');
      expect(await store.listMessages()).toEqual([first]);
      expect((await allAudit(store)).map((e) => e.id)).toEqual(['a1']);
    });

    it('updates only when the stored version is the expected one', async () => {
      const original = sampleMessage('m1');
      await store.createMessage(original, audit('a1', 'message.create', 'm1', { after: original }));

      const edited = { ...original, text: { ru: 'Вход снова доступен после 15:00 (МСК).' }, version: 2 };
      expect(await store.updateMessage(edited, 1, audit('a2', 'message.update', 'm1'))).toBe('ok');
      expect(await store.listMessages()).toEqual([edited]);

      const stale = { ...original, text: { ru: 'Устаревшая правка' }, version: 2 };
      expect(await store.updateMessage(stale, 1, audit('a3', 'message.update', 'm1'))).toBe('conflict');
      expect(await store.getMessage('m1')).toEqual(edited);

      const ghost = sampleMessage('missing', { version: 2 });
      expect(await store.updateMessage(ghost, 1, audit('a4', 'message.update', 'missing'))).toBe('not-found');
      expect(await store.listMessages()).toEqual([edited]);
    });

    it('deletes only when the stored version is the expected one', async () => {
      const message = sampleMessage('m1');
      await store.createMessage(message, audit('a1', 'message.create', 'm1'));

      expect(await store.deleteMessage('m1', 7, audit('a2', 'message.delete', 'm1'))).toBe('conflict');
      expect(await store.listMessages()).toEqual([message]);

      expect(await store.deleteMessage('m1', 1, audit('a3', 'message.delete', 'm1'))).toBe('ok');
      expect(await store.listMessages()).toEqual([]);

      expect(await store.deleteMessage('m1', 1, audit('a4', 'message.delete', 'm1'))).toBe('not-found');
    });

    it('puts settings unconditionally or against an expected version', async () => {
      const initial = (await store.getSettings()).version;
      const first = await store.putSettings(
        sampleSettings,
        undefined,
        audit('a1', 'settings.update', 'settings'),
      );
      if (first === 'conflict') throw new Error('an unconditional put must not conflict');
      expect(first.version).toBeGreaterThan(initial);
      expect(await store.getSettings()).toEqual({ settings: sampleSettings, version: first.version });

      const changed: Settings = { ...sampleSettings, defaultLanguage: 'en' };
      expect(await store.putSettings(changed, initial, audit('a2', 'settings.update', 'settings'))).toBe(
        'conflict',
      );
      expect((await store.getSettings()).settings).toEqual(sampleSettings);

      const second = await store.putSettings(
        changed,
        first.version,
        audit('a3', 'settings.update', 'settings'),
      );
      if (second === 'conflict') throw new Error('a put with the current version must succeed');
      expect(second.version).toBeGreaterThan(first.version);
      expect(await store.loadSnapshot(0)).toMatchObject({
        settings: changed,
        settingsVersion: second.version,
      });
    });

    it('puts settings against the initial version of an empty store', async () => {
      const initial = (await store.getSettings()).version;
      const put = await store.putSettings(
        sampleSettings,
        initial,
        audit('a1', 'settings.update', 'settings'),
      );
      if (put === 'conflict') throw new Error('the initial version is the current one');
      expect(
        await store.putSettings(DEFAULT_SETTINGS, initial, audit('a2', 'settings.update', 'settings')),
      ).toBe('conflict');
    });

    it('keeps an audit trail of successful writes only, newest first, in pages', async () => {
      const message = sampleMessage('m1');
      const created = audit('a1', 'message.create', 'm1', { after: message });
      await store.createMessage(message, created);
      const updated = audit('a2', 'message.update', 'm1', { before: { version: 1 }, after: { version: 2 } });
      await store.updateMessage({ ...message, version: 2 }, 1, updated);
      await store.updateMessage({ ...message, version: 2 }, 1, audit('lost-1', 'message.update', 'm1'));
      await store.deleteMessage('m1', 9, audit('lost-2', 'message.delete', 'm1'));
      await store.updateMessage(sampleMessage('nope'), 1, audit('lost-3', 'message.update', 'nope'));
      const settings = audit('a3', 'settings.update', 'settings', { before: {}, after: { helpURL: 'x' } });
      await store.putSettings(sampleSettings, undefined, settings);
      await store.putSettings(sampleSettings, -1, audit('lost-4', 'settings.update', 'settings'));
      const deleted = audit('a4', 'message.delete', 'm1', { before: { ...message, version: 2 } });
      await store.deleteMessage('m1', 2, deleted);

      expect(await allAudit(store)).toEqual([deleted, settings, updated, created]);
      const first = await store.listAudit({ limit: 3 });
      expect(first.entries).toEqual([deleted, settings, updated]);
      expect(first.next).toEqual(expect.any(String));
      expect(await store.listAudit({ limit: 3, before: first.next })).toEqual({ entries: [created] });
      expect(await store.latestAudit('settings')).toEqual(settings);
      expect(await store.latestAudit('m1')).toEqual(deleted);
      expect(await store.latestAudit('other')).toBeUndefined();
      await expect(store.listAudit({ limit: 3, before: 'yesterday' })).rejects.toBeInstanceOf(BadCursorError);
    });

    it('keeps everything written across a reopen', async () => {
      const kept = sampleMessage('kept');
      await store.createMessage(kept, audit('a1', 'message.create', 'kept'));
      await store.createMessage(sampleMessage('gone'), audit('a2', 'message.create', 'gone'));
      await store.deleteMessage('gone', 1, audit('a3', 'message.delete', 'gone'));
      const put = await store.putSettings(
        sampleSettings,
        undefined,
        audit('a4', 'settings.update', 'settings'),
      );
      if (put === 'conflict') throw new Error('an unconditional put must not conflict');
      await store.close();

      store = await reopen();
      expect(await store.getSettings()).toEqual({ settings: sampleSettings, version: put.version });
      expect(await store.listMessages()).toEqual([kept]);
      expect((await allAudit(store)).map((entry) => entry.id)).toEqual(['a4', 'a3', 'a2', 'a1']);
      expect(
        await store.updateMessage({ ...kept, version: 2 }, 1, audit('a5', 'message.update', 'kept')),
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
      expect(await store.listMessages()).toEqual([contenders[winner]]);
      expect((await allAudit(store)).map((entry) => entry.id)).toEqual([`u${winner}`, 'a0']);
    });

    it('lets exactly one of many concurrent settings puts with the same expected version win', async () => {
      const initial = (await store.getSettings()).version;
      const contenders = Array.from({ length: 10 }, (_, n) => ({
        ...sampleSettings,
        helpURL: `https://h${n}.example`,
      }));
      const results = await Promise.all(
        contenders.map((next, n) =>
          store.putSettings(next, initial, audit(`s${n}`, 'settings.update', 'settings')),
        ),
      );
      expect(results.filter((result) => result !== 'conflict')).toHaveLength(1);
      const winner = results.findIndex((result) => result !== 'conflict');
      expect((await store.getSettings()).settings).toEqual(contenders[winner]);
    });

    it('shares the data between two stores open at once (two processes): both writes kept, one version wins', async () => {
      const other = await reopen();
      await store.createMessage(sampleMessage('from-a'), audit('a1', 'message.create', 'from-a'));
      await other.createMessage(sampleMessage('from-b'), audit('b1', 'message.create', 'from-b'));
      expect((await store.listMessages()).map((m) => m.id).sort()).toEqual(['from-a', 'from-b']);

      const edit = (n: number) => ({ ...sampleMessage('from-a'), text: { ru: `Правка ${n}` }, version: 2 });
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, n) =>
          (n % 2 ? other : store).updateMessage(edit(n), 1, audit(`e${n}`, 'message.update', 'from-a')),
        ),
      );
      expect(results.filter((result) => result === 'ok')).toHaveLength(1);
      expect(await other.getMessage('from-a')).toEqual(edit(results.indexOf('ok')));
      await expect(
        other.createMessage(sampleMessage('from-a'), audit('b2', 'message.create', 'from-a')),
      ).rejects.toBeInstanceOf(DuplicateIdError);
    });
  });

  defineHistoryContract(label, makeStore);
  defineAutomationStoreContract(label, makeStore);
}
