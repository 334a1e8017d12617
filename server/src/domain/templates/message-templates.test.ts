import { describe, expect, it } from 'vitest';
import { PAGE_LANGUAGES } from '../../../../contract/page-languages.ts';
import { lintMessage } from '../lint/lint-message.ts';
import { fillTemplate, MESSAGE_TEMPLATES } from './message-templates.ts';

const UNTIL: Record<string, string> = { ru: '14:00', en: '2:00 PM', lv: '14:00' };
const withContact = { helpText: 'Дежурный администратор: +7 (495) 123-45-67' };

describe('message templates', () => {
  it('cover the five situations in ru, en and lv', () => {
    expect(MESSAGE_TEMPLATES.map((template) => template.id)).toEqual([
      'planned-maintenance',
      'unplanned-outage',
      'update-in-progress',
      'network-problem',
      'sessions-locked',
    ]);
    for (const template of MESSAGE_TEMPLATES) {
      for (const language of PAGE_LANGUAGES) {
        expect(template.title[language].length).toBeGreaterThan(0);
        expect(template.text[language].main).toContain('{until}');
        expect(template.text[language].contact).toContain('{phone}');
      }
    }
  });

  describe.each(MESSAGE_TEMPLATES.map((template) => [template.id, template] as const))(
    '%s',
    (_id, template) => {
      it.each(PAGE_LANGUAGES)('passes the lint in %s with a phone and {until} filled in', (language) => {
        const text = fillTemplate(template, { phone: '+7 (495) 123-45-67' })[language] ?? '';
        const rendered = text.replaceAll('{until}', UNTIL[language] ?? '');
        expect(rendered).not.toMatch(/\{\w+\}/);
        expect(lintMessage(rendered, language, {})).toEqual([]);
      });
      it.each(PAGE_LANGUAGES)('passes the lint in %s without a phone when help is set', (language) => {
        const text = fillTemplate(template, {})[language] ?? '';
        expect(text).not.toContain('{phone}');
        expect(lintMessage(text, language, withContact)).toEqual([]);
      });
    },
  );

  it('fills {phone} and keeps {until} for the server to render', () => {
    const [first] = MESSAGE_TEMPLATES;
    if (!first) throw new Error('no templates');
    const texts = fillTemplate(first, { phone: ' 8-800-000 ' });
    expect(texts.ru).toContain('администратору: 8-800-000.');
    expect(texts.ru).toContain('{until}');
    expect(Object.keys(texts)).toEqual(['ru', 'en', 'lv']);
  });
});
