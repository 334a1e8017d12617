import { describe, expect, it } from 'vitest';
import { negotiateLanguage, parseAcceptLanguage, pickText } from './language-match.ts';

describe('parseAcceptLanguage', () => {
  it('orders by q, keeps header order on ties, skips q=0 and malformed entries', () => {
    expect(parseAcceptLanguage('lv;q=0.5, en-GB, ru;q=0.9, de;q=0, *;q=0.1, x y, fr;q=abc')).toEqual([
      'en-GB',
      'ru',
      'lv',
    ]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage(';;;,,,=')).toEqual([]);
  });

  it('looks at no more than 20 entries of a hostile header', () => {
    expect(parseAcceptLanguage(Array.from({ length: 1000 }, () => 'en').join(','))).toHaveLength(20);
  });
});

describe('negotiateLanguage', () => {
  const available = ['ru', 'en', 'lv'];
  it('prefers ?lang= over Accept-Language, matching exact tags then primary languages', () => {
    expect(negotiateLanguage({ query: 'lv', acceptLanguage: 'en' }, available, 'ru')).toBe('lv');
    expect(negotiateLanguage({ acceptLanguage: 'de, en-US;q=0.8' }, available, 'ru')).toBe('en');
    expect(negotiateLanguage({ query: 'EN' }, available, 'ru')).toBe('en');
  });
  it('falls back to the default language', () => {
    expect(negotiateLanguage({ query: 'de', acceptLanguage: 'fr' }, available, 'ru')).toBe('ru');
    expect(negotiateLanguage({ query: '%%%' }, available, 'ru')).toBe('ru');
  });
});

describe('pickText', () => {
  it('takes the language, else the default, else any text there is', () => {
    const texts = { ru: 'Работы', lv: 'Darbi' };
    expect(pickText(texts, 'lv', 'ru')).toEqual({ text: 'Darbi', language: 'lv' });
    expect(pickText(texts, 'en', 'ru')).toEqual({ text: 'Работы', language: 'ru' });
    expect(pickText({ lv: 'Darbi' }, 'en', 'ru')).toEqual({ text: 'Darbi', language: 'lv' });
    expect(pickText({ 'en-GB': 'Works' }, 'en', 'ru')).toEqual({ text: 'Works', language: 'en-GB' });
    expect(pickText(undefined, 'en', 'ru')).toBeUndefined();
  });
});
