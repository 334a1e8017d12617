import { describe, expect, it } from 'vitest';
import { parseV8i } from '../syntax/parse.ts';
import { readEntries } from './base-entry.ts';
import { parsePlan, planResolver } from './plan.ts';

const entries = readEntries(
  parseV8i(
    '[Бух]\nConnect=a\nID={11111111-2222-4333-8444-555555555555}\n[ЗУП]\nConnect=b\nID=z\n[Склад]\nConnect=c\n',
  ),
);

describe('plans', () => {
  it('reads CSV with ; and quotes, and resolves ID, then name, then *', () => {
    const csv =
      'base;helpText;helpURL\r\n*;"Звоните; 01";https://h/\r\nЗУП;Отдел кадров;\r\n11111111-2222-4333-8444-555555555555;;https://h/buh\r\n';
    const plan = parsePlan(csv, 'help.csv');
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const resolve = planResolver(plan.rows);
    expect(entries.map((e) => resolve(e)?.set)).toEqual([
      { StartupErrorHelpURL: 'https://h/buh' },
      { StartupErrorHelpText: 'Отдел кадров' },
      { StartupErrorHelpText: 'Звоните; 01', StartupErrorHelpURL: 'https://h/' },
    ]);
  });

  it('reads JSON and leaves bases no row reaches alone', () => {
    const plan = parsePlan('[{"id":"z","helpText":"t"}]', 'p.json');
    expect(plan.ok && entries.map((e) => planResolver(plan.rows)(e)?.set)).toEqual([
      undefined,
      { StartupErrorHelpText: 't' },
      undefined,
    ]);
  });

  it('lists every problem with its row, in plain words', () => {
    const plan = parsePlan(
      JSON.stringify([
        { base: 'A', helpURL: 'ftp://x' },
        { helpText: 't' },
        { base: 'B', helpText: 'a\nb' },
        { base: 'C', extra: 1, helpText: 't' },
        { base: '', helpText: 5 },
        [],
      ]),
      'p.json',
    );
    expect(plan.ok ? [] : plan.problems).toEqual([
      'row 1: helpURL must be an absolute http:// or https:// URL (got "ftp://x")',
      'row 2: the row needs "base" or "id"',
      'row 3: helpText must be one line: a .v8i value ends at the line break',
      'row 4: extra is not a known field: remove it or check the spelling',
      'row 5: base must not be empty',
      'row 5: helpText must be text (got 5)',
      'row 6: the row must be a JSON object (got [])',
    ]);
    expect(parsePlan('{oops', 'p.json')).toMatchObject({ ok: false });
  });

  it('refuses a second row for the same base, ID or *, which would silently drop the first', () => {
    const csv =
      'base,id,helpText,helpURL\n*,,t,\n*,,,https://h/\nЗУП,,a,\nЗУП,,,https://h/z\n{11111111-2222-4333-8444-555555555555},,b,\n,11111111-2222-4333-8444-555555555555,c,\n';
    const plan = parsePlan(csv, 'help.csv');
    expect(plan.ok ? [] : plan.problems).toEqual([
      'row 2: base "*" is already in row 1; put its help text and URL in one row',
      'row 4: base "ЗУП" is already in row 3; put its help text and URL in one row',
      'row 6: id 11111111-2222-4333-8444-555555555555 is already in row 5; put its help text and URL in one row',
    ]);
  });
});
