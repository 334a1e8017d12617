import { describe, expect, it } from 'vitest';
import type { StatusResponse } from '../../../contract/status.ts';
import { parseV8i } from '../syntax/parse.ts';
import { readEntries } from './base-entry.ts';
import { parseBaseKeyMap, syncResolver, unknownMapKeys } from './sync-plan.ts';

const base = (key: string, name: string, helpText?: string, helpURL?: string) => ({
  key,
  name,
  state: 'ok' as const,
  active: [],
  upcoming: [],
  ...(helpText ? { helpText } : {}),
  ...(helpURL ? { helpURL } : {}),
});
const status: StatusResponse = {
  generatedAt: '2026-11-23T14:00:00+03:00',
  language: 'ru',
  timeZone: 'Europe/Moscow',
  bases: [
    base('*', 'Все базы', 'Дежурный: 01', 'https://help/'),
    base('buh', 'Бухгалтерия предприятия', 'Бухгалтерия: 02'),
    base('zup', 'ЗУП', 'Кадры: 03', 'https://help/zup'),
  ],
};
const entries = readEntries(
  parseV8i('[БУХГАЛТЕРИЯ ПРЕДПРИЯТИЯ]\nConnect=a\n[Зарплата]\nConnect=b\nID={AB}\n[Склад]\nConnect=c\n'),
);

describe('sync from /api/status', () => {
  it('maps by name ignoring case, by --map ID, else the * defaults; missing fields fall back to *', () => {
    const map = parseBaseKeyMap('{ "{ab}": "zup" }');
    expect(map.ok).toBe(true);
    const resolve = syncResolver(status, map.ok ? map.map : new Map());
    expect(entries.map((e) => resolve(e)?.set)).toEqual([
      { StartupErrorHelpText: 'Бухгалтерия: 02', StartupErrorHelpURL: 'https://help/' },
      { StartupErrorHelpText: 'Кадры: 03', StartupErrorHelpURL: 'https://help/zup' },
      { StartupErrorHelpText: 'Дежурный: 01', StartupErrorHelpURL: 'https://help/' },
    ]);
  });

  it('reads a CSV map and finds keys the service does not know', () => {
    const map = parseBaseKeyMap('base,baseKey\nСклад,sklad\nЗарплата,zup\n');
    expect(map.ok && unknownMapKeys(map.map, status)).toEqual(['sklad']);
    expect(parseBaseKeyMap('name,key\n')).toMatchObject({ ok: false });
  });
});
