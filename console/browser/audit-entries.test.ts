import { describe, expect, it } from 'vitest';
import type { AuditEntryWire } from '../../contract/audit-entry.ts';
import type { Message } from '../../contract/message.ts';
import { auditChanges, describeAudit, firstWords, messagesInEntries } from './audit-entries.ts';

const MESSAGE: Message = {
  id: 'm1',
  text: {
    ru: 'Идут плановые работы в 1С. Вход снова будет доступен после {until}. Пожалуйста, сохраните документы.',
    en: 'Planned maintenance on 1C. Sign in again after {until}.',
  },
  bases: ['buh'],
  startsAt: '2026-11-27T14:00:00+03:00',
  displayUntil: '2026-11-27T16:00:00+03:00',
  severity: 'maintenance',
  createdAt: '2026-11-27T14:00:00+03:00',
  updatedAt: '2026-11-27T14:00:00+03:00',
  createdBy: 'ops',
  version: 1,
};

const entry = (fields: Partial<AuditEntryWire>): AuditEntryWire => ({
  id: 'a',
  at: '2026-11-27T14:30:00+03:00',
  actor: 'ops',
  action: 'message.update',
  target: 'm1',
  ...fields,
});

describe('audit entries in plain words', () => {
  const known = messagesInEntries([entry({ action: 'message.create', after: MESSAGE })]);

  it('names a created message by its first words and bases', () => {
    const row = describeAudit(entry({ action: 'message.create', after: MESSAGE }), known, 'ru');
    expect(row.verb).toBe('created');
    expect(row.subject).toEqual({
      words: 'Идут плановые работы в 1С. Вход снова будет доступен после…',
      bases: ['buh'],
    });
    expect(row.changes.map((change) => change.field)).toEqual([
      'text.ru',
      'text.en',
      'bases',
      'startsAt',
      'displayUntil',
      'severity',
    ]);
  });

  it('tells a moved deadline from "end now", and both from an edit', () => {
    const moved = { ...MESSAGE, displayUntil: '2026-11-27T18:00:00+03:00', version: 2 };
    const movedRow = describeAudit(entry({ before: MESSAGE, after: moved }), known, 'en');
    expect(movedRow.verb).toBe('moved-deadline');
    expect(movedRow.subject?.words).toBe('Planned maintenance on 1C. Sign in again after {until}.');
    expect(movedRow.changes).toEqual([
      { field: 'displayUntil', before: '2026-11-27T16:00:00+03:00', after: '2026-11-27T18:00:00+03:00' },
    ]);
    // The store may keep only the changed fields: the subject then comes from what is known.
    const ended = describeAudit(
      entry({
        before: { displayUntil: MESSAGE.displayUntil },
        after: { displayUntil: '2026-11-27T14:30:00+03:00' },
      }),
      known,
      'ru',
    );
    expect(ended.verb).toBe('ended');
    expect(ended.subject?.bases).toEqual(['buh']);
    const edited = describeAudit(
      entry({ before: MESSAGE, after: { ...MESSAGE, helpURL: 'https://h.example' } }),
      known,
      'ru',
    );
    expect(edited.verb).toBe('edited');
    expect(edited.changes).toEqual([{ field: 'helpURL', after: 'https://h.example' }]);
  });

  it('shows a settings change base by base', () => {
    const row = describeAudit(
      entry({
        action: 'settings.update',
        target: 'settings',
        before: { timeZone: 'Europe/Moscow', bases: { buh: { name: 'Бух' } } },
        after: { timeZone: 'Europe/Riga', bases: { buh: { name: 'Бух' }, zup: { name: 'ЗУП' } } },
      }),
      known,
      'ru',
    );
    expect(row.verb).toBe('settings');
    expect(row.subject).toBeUndefined();
    expect(row.changes).toEqual([
      { field: 'timeZone', before: 'Europe/Moscow', after: 'Europe/Riga' },
      { field: 'bases.zup', after: { name: 'ЗУП' } },
    ]);
  });

  it('cuts long texts at a word', () => {
    expect(firstWords('short text')).toBe('short text');
    expect(firstWords('a'.repeat(100))).toBe(`${'a'.repeat(60)}…`);
    expect(auditChanges(undefined, undefined)).toEqual([]);
  });
});
