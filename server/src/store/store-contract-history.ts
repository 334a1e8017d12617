import { describe, expect, it } from 'vitest';
import { COUNTED_HOURS, MAX_BASES_PER_HOUR, OTHER_BASES, REPORT_HISTORY } from '../domain/report-log.ts';
import { CAPTURED_REQUESTS } from '../domain/request-capture.ts';
import { BadCursorError } from './store.ts';
import {
  audit,
  HOUR,
  type MakeStore,
  messageBetween,
  sampleReport,
  sampleSettings,
  T0,
  useFixtures,
} from './store-contract-fixtures.ts';

const DAY = 24 * HOUR;

/** The part of the contract about time and growth: snapshots, changes, history, pruning, activity. */
export function defineHistoryContract(label: string, makeStore: MakeStore): void {
  describe(`Store contract, history and growth: ${label}`, () => {
    const open = useFixtures(makeStore);

    it('loads only the messages not ended at the given instant into a snapshot', async () => {
      const { store } = await open();
      const ended = messageBetween('ended', T0 - 2 * HOUR, T0 - HOUR);
      const endsNow = messageBetween('ends-now', T0 - HOUR, T0);
      const active = messageBetween('active', T0 - HOUR, T0 + HOUR);
      const later = messageBetween('later', T0 + HOUR, T0 + 2 * HOUR);
      for (const m of [ended, endsNow, active, later])
        await store.createMessage(m, audit(`c-${m.id}`, 'message.create', m.id));
      const snapshot = await store.loadSnapshot(T0);
      expect(snapshot.messages.map((m) => m.id).sort()).toEqual(['active', 'later']);
      expect(snapshot.loadedAt).toBe(T0);
      expect(snapshot.revision).toBeGreaterThan(0);
    });

    it('tells what changed since a revision: nothing, changed messages, removed ids, new settings', async () => {
      const { store, reopen } = await open();
      const other = await reopen();
      const a = messageBetween('a', T0, T0 + HOUR);
      await store.createMessage(a, audit('c-a', 'message.create', 'a'));
      await store.createMessage(messageBetween('b', T0, T0 + HOUR), audit('c-b', 'message.create', 'b'));
      const { revision } = await store.loadSnapshot(T0);
      expect(await other.changesSince(revision)).toBeUndefined();

      const edited = { ...a, text: { ru: 'Правка' }, version: 2 };
      await other.updateMessage(edited, 1, audit('u-a', 'message.update', 'a'));
      await other.deleteMessage('b', 1, audit('d-b', 'message.delete', 'b'));
      const c = messageBetween('c', T0 - 2 * HOUR, T0 - HOUR);
      await other.createMessage(c, audit('c-c', 'message.create', 'c'));
      const put = await other.putSettings(
        sampleSettings,
        undefined,
        audit('s', 'settings.update', 'settings'),
      );

      const changes = await store.changesSince(revision);
      if (!changes || changes === 'reload') throw new Error(`expected a list of changes, got ${changes}`);
      expect(changes.changed.sort((x, y) => x.id.localeCompare(y.id))).toEqual([edited, c]);
      expect(changes.removed).toEqual(['b']);
      expect(changes).toMatchObject({
        settings: sampleSettings,
        settingsVersion: (put as { version: number }).version,
      });
      expect(changes.revision).toBe((await store.loadSnapshot(T0)).revision);
      expect(await store.changesSince(changes.revision)).toBeUndefined();
    });

    it('asks for a reload when the changes since a revision were pruned', async () => {
      let now = T0;
      const { store } = await open({ changesKept: 2, now: () => now });
      await store.createMessage(messageBetween('m0', T0, T0 + HOUR), audit('c0', 'message.create', 'm0'));
      const { revision } = await store.loadSnapshot(T0);
      for (let n = 1; n <= 4; n++) {
        now += 2 * HOUR; // pruning runs at most hourly
        await store.createMessage(
          messageBetween(`m${n}`, T0, T0 + HOUR),
          audit(`c${n}`, 'message.create', `m${n}`),
        );
      }
      expect(await store.changesSince(revision)).toBe('reload');
    });

    it('pages through ended messages, newest end first, within a window and per base', async () => {
      const { store } = await open();
      for (let n = 0; n < 7; n++) {
        const end = T0 - n * HOUR;
        const bases: ['*'] | string[] = n % 3 === 0 ? ['*'] : n % 3 === 1 ? ['buh'] : ['zup'];
        const message = messageBetween(`e${n}`, end - HOUR, end, { bases: bases as ['*'] });
        await store.createMessage(message, audit(`c${n}`, 'message.create', message.id));
      }
      await store.createMessage(
        messageBetween('tie', T0 - 2 * HOUR, T0 - HOUR),
        audit('ct', 'message.create', 'tie'),
      );
      await store.createMessage(messageBetween('live', T0, T0 + HOUR), audit('cl', 'message.create', 'live'));
      const window = { endedBy: T0, endedAfter: T0 - 5 * HOUR - 1 };

      const first = await store.listEndedMessages({ ...window, limit: 3 });
      expect(first.messages.map((m) => m.id)).toEqual(['e0', 'tie', 'e1']);
      const second = await store.listEndedMessages({ ...window, limit: 3, before: first.next });
      expect(second.messages.map((m) => m.id)).toEqual(['e2', 'e3', 'e4']);
      const third = await store.listEndedMessages({ ...window, limit: 3, before: second.next });
      expect(third).toEqual({ messages: [expect.objectContaining({ id: 'e5' })] });

      const buh = await store.listEndedMessages({ ...window, baseKey: 'buh', limit: 10 });
      expect(buh.messages.map((m) => m.id)).toEqual(['e0', 'tie', 'e1', 'e3', 'e4']);
      await expect(store.listEndedMessages({ ...window, limit: 3, before: 'page-2' })).rejects.toBeInstanceOf(
        BadCursorError,
      );
    });

    it('prunes the audit log by age and keeps it under its size limit, oldest entries first', async () => {
      let now = T0;
      const { store } = await open({ auditMaxAgeMs: 10 * DAY, auditMaxBytes: 20_000, now: () => now });
      const big = { text: 'я'.repeat(1000) }; // about 2 KB per entry
      const at = (t: number) => new Date(t).toISOString();
      await store.putSettings(
        sampleSettings,
        undefined,
        audit('old', 'settings.update', 'settings', { at: at(T0 - 11 * DAY) }),
      );
      expect((await store.listAudit({ limit: 100 })).entries.map((e) => e.id)).toEqual([]);
      for (let n = 0; n < 20; n++) {
        now += 1000;
        await store.putSettings(
          sampleSettings,
          undefined,
          audit(`s${n}`, 'settings.update', 'settings', { after: big, at: at(now) }),
        );
      }
      const kept = (await store.listAudit({ limit: 100 })).entries.map((e) => e.id);
      expect(kept.length).toBeGreaterThan(4);
      expect(kept.length).toBeLessThan(10);
      expect(kept[0]).toBe('s19');
      expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => `s${19 - i}`));
    });

    it('keeps captured requests and reports in capped rings, counted per hour and base', async () => {
      const { store, reopen } = await open();
      const other = await reopen();
      const request = (n: number) => ({ ...sampleReport(T0 + n, 'buh'), query: `n=${n}` });
      const requests = Array.from({ length: CAPTURED_REQUESTS + 50 }, (_, n) => request(n));
      await store.recordActivity({ requests: requests.slice(0, 150), reports: [], counts: [] }, T0);
      await other.recordActivity({ requests: requests.slice(150), reports: [], counts: [] }, T0);
      const listed = await store.listCapturedRequests(CAPTURED_REQUESTS + 10);
      expect(listed).toHaveLength(CAPTURED_REQUESTS);
      expect(listed[0]).toEqual(requests.at(-1));
      expect(listed.at(-1)).toEqual(requests[50]);

      const reports = Array.from({ length: REPORT_HISTORY + 5 }, (_, n) => sampleReport(T0 + n, 'buh'));
      const hour = new Date(T0).toISOString();
      await store.recordActivity(
        { requests: [], reports, counts: [{ hour, baseKey: 'buh', count: reports.length }] },
        T0,
      );
      await other.recordActivity(
        {
          requests: [],
          reports: [sampleReport(T0 + HOUR, 'zup')],
          counts: [{ hour: new Date(T0 + HOUR).toISOString(), baseKey: 'zup', count: 1 }],
        },
        T0 + HOUR,
      );
      const summary = await store.reportSummary(REPORT_HISTORY, T0 + HOUR);
      expect(summary.total).toBe(REPORT_HISTORY + 6);
      expect(summary.recent).toHaveLength(REPORT_HISTORY);
      expect(summary.recent[0]?.baseKey).toBe('zup');
      expect(summary.perBase).toEqual({ buh: REPORT_HISTORY + 5, zup: 1 });
      expect(summary.perHour).toEqual([
        { hour: new Date(T0 + HOUR).toISOString(), baseKey: 'zup', count: 1 },
        { hour, baseKey: 'buh', count: REPORT_HISTORY + 5 },
      ]);
      // A week later the counters of that hour are gone; the total stays.
      const weekLater = await store.reportSummary(10, T0 + COUNTED_HOURS * HOUR);
      expect(weekLater.perHour.map((row) => row.baseKey)).toEqual(['zup']);
      expect(weekLater.total).toBe(REPORT_HISTORY + 6);
    });

    it('counts at most 200 base keys per hour, the rest together', async () => {
      const { store } = await open();
      const hour = new Date(T0).toISOString();
      const counts = Array.from({ length: MAX_BASES_PER_HOUR + 3 }, (_, n) => ({
        hour,
        baseKey: `k${n}`,
        count: 1,
      }));
      await store.recordActivity({ requests: [], reports: [], counts }, T0);
      await store.recordActivity(
        {
          requests: [],
          reports: [],
          counts: [
            { hour, baseKey: 'k0', count: 2 },
            { hour, baseKey: 'new', count: 4 },
          ],
        },
        T0,
      );
      const { perBase } = await store.reportSummary(10, T0);
      expect(Object.keys(perBase)).toHaveLength(MAX_BASES_PER_HOUR + 1);
      expect(perBase.k0).toBe(3);
      expect(perBase[OTHER_BASES]).toBe(3 + 4);
    });
  });
}
