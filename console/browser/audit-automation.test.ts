import { describe, expect, it } from 'vitest';
import type { AuditEntryWire } from '../../contract/audit-entry.ts';
import { namesInEntries } from './audit-automation.ts';
import { describeAudit } from './audit-entries.ts';

const entry = (fields: Partial<AuditEntryWire>): AuditEntryWire => ({
  id: 'a',
  at: '2026-11-27T14:30:00+03:00',
  actor: 'ops',
  action: 'monitor.update',
  target: 'm1',
  ...fields,
});
const none = new Map();
const MONITOR = {
  id: 'm1',
  name: 'Веб-публикация',
  kind: 'http',
  target: 'https://1c/buh/',
  enabled: true,
  version: 1,
};
const WINDOW = { id: 's1', name: 'Ночное копирование', cron: '0 1 * * *', exceptions: [], version: 1 };

describe('audit entries of monitors, recurring windows and channels', () => {
  it('names the item by its name, with its fields', () => {
    const created = describeAudit(entry({ action: 'monitor.create', after: MONITOR }), none, 'ru');
    expect(created).toMatchObject({ verb: 'created', thing: { kind: 'monitor', name: 'Веб-публикация' } });
    expect(created.changes.map((change) => change.field)).toEqual(['name', 'kind', 'target', 'enabled']);
    const deleted = describeAudit(
      entry({ action: 'channel.delete', target: 'c1', before: { name: 'Ops' } }),
      none,
      'ru',
    );
    expect(deleted).toMatchObject({ verb: 'deleted', thing: { kind: 'channel', name: 'Ops' } });
  });

  it('says "turned off" when only that changed, and lists fields for other edits', () => {
    const off = describeAudit(
      entry({ before: MONITOR, after: { ...MONITOR, enabled: false, version: 2 } }),
      none,
      'ru',
    );
    expect(off).toMatchObject({ verb: 'turned-off', changes: [] });
    const edited = describeAudit(
      entry({ before: MONITOR, after: { ...MONITOR, target: 'https://1c/zup/', version: 2 } }),
      none,
      'ru',
    );
    expect(edited).toMatchObject({
      verb: 'edited',
      changes: [{ field: 'target', before: 'https://1c/buh/', after: 'https://1c/zup/' }],
    });
  });

  it('tells a skipped, a moved and a restored occurrence apart, by the occurrence', () => {
    const skip = { occurrence: '2026-11-28T01:00:00+03:00', action: 'skip' };
    const move = {
      occurrence: '2026-11-29T01:00:00+03:00',
      action: 'move',
      startsAt: '2026-11-29T03:00:00+03:00',
    };
    const action = 'schedule.exception' as const;
    const skipped = describeAudit(
      entry({ action, before: WINDOW, after: { ...WINDOW, exceptions: [skip] } }),
      none,
      'en',
    );
    expect(skipped).toMatchObject({
      verb: 'skipped-occurrence',
      thing: { kind: 'schedule', name: 'Ночное копирование' },
      changes: [{ field: 'occurrence', after: skip.occurrence }],
    });
    const moved = describeAudit(
      entry({
        action,
        before: { ...WINDOW, exceptions: [skip] },
        after: { ...WINDOW, exceptions: [skip, move] },
      }),
      none,
      'en',
    );
    expect(moved).toMatchObject({
      verb: 'moved-occurrence',
      changes: [
        { field: 'occurrence', after: move.occurrence },
        { field: 'startsAt', after: move.startsAt },
      ],
    });
    const restored = describeAudit(
      entry({ action, before: { ...WINDOW, exceptions: [skip] }, after: WINDOW }),
      none,
      'en',
    );
    expect(restored).toMatchObject({
      verb: 'restored-occurrence',
      changes: [{ field: 'occurrence', after: skip.occurrence }],
    });
  });

  it('names an item whose entry keeps only the changed fields by the other entries', () => {
    const skip = { occurrence: '2026-11-28T01:00:00+03:00', action: 'skip' };
    const names = namesInEntries([entry({ action: 'schedule.create', target: 's1', after: WINDOW })]);
    const bare = entry({
      action: 'schedule.exception',
      target: 's1',
      before: { exceptions: [] },
      after: { exceptions: [skip] },
    });
    expect(describeAudit(bare, none, 'ru', names).thing).toEqual({
      kind: 'schedule',
      name: 'Ночное копирование',
    });
    expect(describeAudit(bare, none, 'ru').thing).toEqual({ kind: 'schedule', name: 's1' });
    expect(describeAudit(bare, none, 'ru', names).verb).toBe('skipped-occurrence');
  });
});
