import { describe, expect, it } from 'vitest';
import { changedFields } from './audit-change.ts';

describe('changedFields', () => {
  it('keeps only what changed, once on each side; added and removed fields on their own side', () => {
    const before = { text: { ru: 'Работы' }, severity: 'info', helpURL: 'https://a.example', version: 1 };
    const after = { text: { ru: 'Работы' }, severity: 'outage', helpText: { ru: 'Звоните' }, version: 2 };
    expect(changedFields(before, after)).toEqual({
      before: { severity: 'info', helpURL: 'https://a.example', version: 1 },
      after: { severity: 'outage', helpText: { ru: 'Звоните' }, version: 2 },
    });
  });

  it('treats a changed nested value as one changed field and an equal one as unchanged', () => {
    expect(changedFields({ bases: { buh: { name: 'A' } } }, { bases: { buh: { name: 'B' } } })).toEqual({
      before: { bases: { buh: { name: 'A' } } },
      after: { bases: { buh: { name: 'B' } } },
    });
    expect(changedFields({ bases: ['a', 'b'] }, { bases: ['a', 'b'] })).toEqual({ before: {}, after: {} });
  });
});
