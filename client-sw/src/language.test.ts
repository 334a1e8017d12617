import { describe, expect, it } from 'vitest';
import { chooseLanguage, pickLocalized } from './language.ts';

describe('chooseLanguage', () => {
  it('takes the first browser language the page has texts for', () => {
    expect(chooseLanguage(['de-DE', 'lv-LV', 'en'], 'ru')).toBe('lv');
    expect(chooseLanguage(['EN-gb'], 'ru')).toBe('en');
  });

  it('falls back to the configured default, then to Russian', () => {
    expect(chooseLanguage(['de', 'fr'], 'en')).toBe('en');
    expect(chooseLanguage([], 'de')).toBe('ru');
  });
});

describe('pickLocalized', () => {
  const texts = { ru: 'Звоните', 'en-GB': 'Call us' };
  it('picks the page language, then the default, then any', () => {
    expect(pickLocalized(texts, 'en', 'ru')).toBe('Call us');
    expect(pickLocalized(texts, 'lv', 'ru')).toBe('Звоните');
    expect(pickLocalized({ de: 'Rufen' }, 'lv', 'ru')).toBe('Rufen');
    expect(pickLocalized('plain', 'lv', 'ru')).toBe('plain');
    expect(pickLocalized(undefined, 'lv', 'ru')).toBeUndefined();
  });
});
