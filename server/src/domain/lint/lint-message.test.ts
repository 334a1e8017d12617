import { describe, expect, it } from 'vitest';
import { type LintCode, type LintContext, lintMessage } from './lint-message.ts';

const contact: LintContext = { helpText: 'Дежурный администратор: +7 (495) 123-45-67' };
const codes = (text: string, language: string, context: LintContext = contact): LintCode[] =>
  lintMessage(text, language, context).map((warning) => warning.code);

const GOOD = {
  ru: 'Мы проводим плановое обновление 1С. Вход снова будет доступен после 14:00 (МСК).',
  en: 'We are updating 1C. You can sign in again after 14:00 (MSK).',
  lv: 'Mēs atjauninām 1C. Pieslēgties varēsiet atkal pēc 14:00.',
} as const;

describe('lintMessage', () => {
  it.each(Object.entries(GOOD))('passes a calm, dated message in %s', (language, text) => {
    expect(lintMessage(text, language, contact)).toEqual([]);
  });

  describe('no-deadline', () => {
    it.each([
      ['ru', 'Мы проводим обновление 1С.'],
      ['en', 'We are updating 1C.'],
      ['lv', 'Mēs atjauninām 1C.'],
    ])('warns in %s when no time is said', (language, text) => {
      expect(codes(text, language)).toEqual(['no-deadline']);
    });
    it.each([
      ['ru', 'Работаем над этим. Вход будет доступен после {until}.'],
      ['ru', 'Работаем над этим. Следующее сообщение через 30 минут.'],
      ['en', 'We are on it. Next update within the hour.'],
      ['en', 'We are on it. Back on 24.11.'],
      ['lv', 'Strādājam pie tā. Pieejams būs līdz {until}.'],
      ['lv', 'Strādājam pie tā. Nākamā ziņa pēc 30 minūtēm.'],
    ])('accepts a time or next-update mention in %s: %s', (language, text) => {
      expect(codes(text, language)).not.toContain('no-deadline');
    });
  });

  it('warns over 300 characters and not at 300', () => {
    const at300 = `После 14:00. ${'а'.repeat(300 - 'После 14:00. '.length)}`;
    expect(at300).toHaveLength(300);
    expect(codes(at300, 'ru')).toEqual([]);
    expect(codes(`${at300}б`, 'ru')).toEqual(['too-long']);
  });

  describe('jargon', () => {
    it.each([
      ['ru', 'Сервер СУБД недоступен до 14:00.', ['Сервер СУБД', 'СУБД']],
      ['ru', 'Таймаут соединения, ждём до 14:00.', ['Таймаут']],
      ['en', 'A timeout in SDBL, back after 14:00.', ['timeout', 'SDBL']],
      ['en', 'An exception occurred; back after 14:00.', ['exception']],
      ['lv', 'DBVS taimauts, pieejams pēc 14:00.', ['DBVS', 'taimauts']],
      ['lv', 'Exception; pieejams pēc 14:00.', ['Exception']],
    ])('finds the technical words in %s: %s', (language, text, matches) => {
      const jargon = lintMessage(text, language, contact).find((warning) => warning.code === 'jargon');
      expect(jargon?.matches).toEqual(matches);
    });
    it('matches whole words only', () => {
      expect(codes('Nullification after 14:00 is planned.', 'en')).toEqual([]);
      expect(codes('Обновление субдомена завершится после 14:00.', 'ru')).toEqual([]);
    });
    it('uses the English list for a language without its own list', () => {
      expect(codes('Timeout, zurück nach 14:00.', 'de')).toContain('jargon');
    });
  });

  describe('all-caps', () => {
    it('leaves capitalised jargon to the jargon warning', () => {
      expect(codes('SDBL error after 14:00.', 'en')).toEqual(['jargon']);
      expect(codes('СЕРВЕР СУБД недоступен до 14:00.', 'ru')).toEqual(['jargon']);
    });
    it.each([
      ['ru', 'ВНИМАНИЕ! Вход после 14:00.', ['ВНИМАНИЕ']],
      ['en', 'Please DO NOT LOGIN until 14:00.', ['LOGIN']],
      ['lv', 'LŪDZU uzgaidiet līdz 14:00.', ['LŪDZU']],
    ])('flags shouted words in %s', (language, text, matches) => {
      const caps = lintMessage(text, language, contact).find((warning) => warning.code === 'all-caps');
      expect(caps?.matches).toEqual(matches);
    });
    it('allows time zones, short acronyms and the product name', () => {
      expect(codes('Вход в 1С через VPN после 14:00 (МСК), UTC+3.', 'ru')).toEqual([]);
    });
  });

  describe('no-contact', () => {
    it.each(Object.entries(GOOD))('warns in %s without help text, link or phone', (language, text) => {
      expect(codes(text, language, {})).toEqual(['no-contact']);
    });
    it('is satisfied by a help URL, or by a phone or link in the text', () => {
      expect(codes(GOOD.en, 'en', { helpURL: 'https://help.example/1c' })).toEqual([]);
      expect(codes(`${GOOD.ru} Звоните: +7 (495) 123-45-67.`, 'ru', {})).toEqual([]);
      expect(codes(`${GOOD.en} Call {phone}.`, 'en', {})).toEqual([]);
      expect(codes(`${GOOD.lv} Skatiet https://help.example/1c`, 'lv', {})).toEqual([]);
    });
    it('treats a blank help text as missing', () => {
      expect(codes(GOOD.ru, 'ru', { helpText: '  ', helpURL: '' })).toEqual(['no-contact']);
    });
  });

  describe('repeated-contact', () => {
    const help: LintContext = {
      helpText: 'Дежурный администратор: +7 (495) 123-45-67',
      helpURL: 'https://help.example/1c',
    };
    it('flags a phone or link the help text or link already gives, in any spelling', () => {
      const text = `${GOOD.ru} Звоните дежурному: 8 (495) 123-45-67 или смотрите https://help.example/1c/.`;
      const warning = lintMessage(text, 'ru', help).find((w) => w.code === 'repeated-contact');
      expect(warning?.matches).toEqual(['8 (495) 123-45-67', 'https://help.example/1c/']);
    });
    it('leaves a phone or link that the help does not give', () => {
      expect(codes(`${GOOD.ru} Звоните: +7 (495) 765-43-21.`, 'ru', help)).toEqual([]);
      expect(codes(`${GOOD.en} See https://status.example/now`, 'en', help)).toEqual([]);
    });
  });

  describe('many-exclamations', () => {
    it.each([
      ['ru', 'Вход после 14:00!!'],
      ['en', 'Back after 14:00! Thanks!'],
      ['lv', 'Pieejams pēc 14:00! Paldies!'],
    ])('warns in %s over one exclamation mark', (language, text) => {
      expect(codes(text, language)).toEqual(['many-exclamations']);
    });
    it('allows one', () => {
      expect(codes('Back after 14:00. Thank you!', 'en')).toEqual([]);
    });
  });

  describe('repeated-apology', () => {
    it.each([
      ['ru', 'Приносим извинения. Вход после 14:00. К сожалению, иначе нельзя.'],
      ['en', 'Sorry. Back after 14:00. We apologise for the trouble.'],
      ['lv', 'Atvainojamies. Pieejams pēc 14:00. Vēlreiz atvainojiet.'],
    ])('warns in %s on a second apology', (language, text) => {
      expect(codes(text, language)).toEqual(['repeated-apology']);
    });
    it.each([
      ['ru', 'Приносим извинения. Вход после 14:00.'],
      ['en', 'Sorry for the wait. Back after 14:00.'],
      ['lv', 'Atvainojamies. Pieejams pēc 14:00.'],
    ])('allows one apology in %s', (language, text) => {
      expect(codes(text, language)).toEqual([]);
    });
  });

  it('reports several problems in rule order, each with a plain-words message', () => {
    const warnings = lintMessage('СРОЧНО!!! Таймаут SDBL. Извините. Извините.', 'ru', {});
    expect(warnings.map((warning) => warning.code)).toEqual([
      'no-deadline',
      'jargon',
      'all-caps',
      'no-contact',
      'many-exclamations',
      'repeated-apology',
    ]);
    for (const warning of warnings) expect(warning.message.length).toBeGreaterThan(20);
  });

  it("speaks the administrator's language, whatever the language of the text", () => {
    const text = 'СРОЧНО!!! Таймаут SDBL. Извините. Извините.';
    const en = lintMessage(text, 'ru', {});
    for (const [language, sample] of [
      ['ru', 'Слишком длинно'],
      ['lv', 'Pārāk garš'],
    ] as const) {
      const words = lintMessage(text, 'ru', {}, language);
      expect(words.map((w) => [w.code, w.matches])).toEqual(en.map((w) => [w.code, w.matches]));
      for (const [index, warning] of words.entries()) expect(warning.message).not.toBe(en[index]?.message);
      expect(lintMessage('я'.repeat(301), 'ru', contact, language)[1]?.message).toContain(sample);
    }
    expect(lintMessage(text, 'ru', {}, 'ru')[0]?.message).toBe(
      'Скажите, когда: добавьте время («после {until}») или когда будет следующее сообщение, чтобы люди знали, сколько ждать.',
    );
  });
});
