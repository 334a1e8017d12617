import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../contract/settings.ts';
import { lintMessageFields } from './lint-message-fields.ts';

const text = { ru: 'Идёт обновление 1С. Вход после {until}.', en: 'Updating 1C. SIGN IN after {until}.' };

describe('lintMessageFields', () => {
  it('lints every language and tags each warning with it', () => {
    const warnings = lintMessageFields({ text, bases: ['*'] }, DEFAULT_SETTINGS);
    expect(warnings.map((w) => [w.language, w.code])).toEqual([
      ['ru', 'no-contact'],
      ['en', 'all-caps'],
      ['en', 'no-contact'],
    ]);
  });

  it('counts the help users will see as contact: message override, base settings or defaults', () => {
    const withDefault: Settings = { ...DEFAULT_SETTINGS, helpText: { ru: 'Звоните 123-45-67' } };
    expect(lintMessageFields({ text: { ru: text.ru }, bases: ['*'] }, withDefault)).toEqual([]);
    const withBase: Settings = {
      ...DEFAULT_SETTINGS,
      bases: { buh: { name: 'Бух', helpURL: 'https://h.example' } },
    };
    expect(lintMessageFields({ text: { ru: text.ru }, bases: ['buh'] }, withBase)).toEqual([]);
    expect(
      lintMessageFields(
        { text: { ru: text.ru }, bases: ['*'], helpURL: 'https://h.example' },
        DEFAULT_SETTINGS,
      ),
    ).toEqual([]);
  });
});
