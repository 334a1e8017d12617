import { describe, expect, it } from 'vitest';
import { parseV8i } from '../syntax/parse.ts';
import { readEntries } from './base-entry.ts';
import { everyBase, globToRegExp, selectBases } from './selector.ts';

const list = [
  '[Бухгалтерия]',
  'ID=g0',
  'Folder=/',
  '[Бухгалтерия предприятия]',
  'Connect=Srvr="srv1c";Ref="buh";',
  'ID={A1}',
  'Folder=/Бухгалтерия',
  '[Бухгалтерия — Рига]',
  'Connect=Srvr="srv-riga";Ref="buh";',
  'ID=b2',
  'Folder=/Бухгалтерия/Филиалы',
  '[ЗУП]',
  'Connect=ws="https://1c/zup";',
  'ID=c3',
  'Folder=/Бухгалтерия-старое',
  '[ЗУП]',
  'Connect=File="D:\\zup";',
  'ID=d4',
].join('\r\n');
const entries = readEntries(parseV8i(list));
const names = (selector: Partial<typeof everyBase>) =>
  selectBases(entries, { ...everyBase, ...selector }).selected.map((e) => `${e.name}/${e.id}`);

describe('selectBases', () => {
  it('takes every base and no group by default', () => {
    expect(names({})).toEqual(['Бухгалтерия предприятия/{A1}', 'Бухгалтерия — Рига/b2', 'ЗУП/c3', 'ЗУП/d4']);
  });

  it('matches names by glob, case-insensitively in Cyrillic', () => {
    expect(names({ matches: ['бухгалтерия*'] })).toEqual([
      'Бухгалтерия предприятия/{A1}',
      'Бухгалтерия — Рига/b2',
    ]);
    expect(names({ matches: ['*рига'] })).toEqual(['Бухгалтерия — Рига/b2']);
    expect(globToRegExp('a.b?[!x]').test('A.bcy')).toBe(true);
  });

  it('takes a folder and its subfolders by whole segments', () => {
    expect(names({ folder: '/Бухгалтерия' })).toEqual([
      'Бухгалтерия предприятия/{A1}',
      'Бухгалтерия — Рига/b2',
    ]);
    expect(names({ folder: '/бухгалтерия/филиалы/' })).toEqual(['Бухгалтерия — Рига/b2']);
  });

  it('selects by ID with or without braces, by Connect substring, and ANDs everything', () => {
    expect(names({ ids: ['a1'] })).toEqual(['Бухгалтерия предприятия/{A1}']);
    expect(names({ connect: 'WS=' })).toEqual(['ЗУП/c3']);
    expect(names({ matches: ['Бух*'], connect: 'riga' })).toEqual(['Бухгалтерия — Рига/b2']);
    expect(names({ bases: ['Бухгалтерия'] })).toEqual([]);
  });

  it('reports a --base name that matches two sections, naming both IDs', () => {
    const { problems } = selectBases(entries, { ...everyBase, bases: ['ЗУП'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('c3, d4');
    expect(problems[0]?.hint).toContain('--id');
  });
});
