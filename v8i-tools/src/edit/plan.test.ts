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

  it('lists every problem with its row', () => {
    const plan = parsePlan(
      '[{"base":"A","helpURL":"ftp://x"},{"helpText":"t"},{"base":"B","helpText":"a\\nb"},{"base":"C","extra":1,"helpText":"t"}]',
      'p.json',
    );
    expect(plan.ok).toBe(false);
    const problems = plan.ok ? [] : plan.problems;
    expect(problems.some((p) => p.startsWith('row 1: "helpURL"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('row 2:') && p.includes('"base" or "id"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('row 3: "helpText" must be one line'))).toBe(true);
    expect(problems.some((p) => p.startsWith('row 4:'))).toBe(true);
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
