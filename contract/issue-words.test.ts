import { describe, expect, it } from 'vitest';
import { fieldProblems, problemSentence, problemsSummary } from './issue-words.ts';
import { SwConfig } from './kit-config.ts';
import { MessageFields } from './message.ts';
import { PAGE_LANGUAGES } from './page-languages.ts';
import { RULE_TEXTS } from './rule-texts.ts';
import { Settings } from './settings.ts';
import type * as z from './zod.ts';

function problemsOf(schema: z.ZodMiniType, input: unknown, language = 'en') {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) throw new Error('expected a refusal');
  return fieldProblems(parsed.error.issues, language);
}

const MESSAGE = {
  text: { ru: 'Работы до {until}.' },
  bases: ['*'],
  displayUntil: '2026-11-23T14:00:00+03:00',
  severity: 'maintenance',
};

describe('zod issues in plain words', () => {
  it('names the field and the fix, never zod wording', () => {
    const problems = problemsOf(MessageFields, {
      ...MESSAGE,
      bases: [],
      severity: 'urgent',
      text: { ru: '' },
      helpURL: 'javascript:alert(1)',
      extra: 1,
    });
    expect(problems).toEqual([
      { path: 'text.ru', message: 'must not be empty' },
      { path: 'helpURL', message: 'must be an absolute http:// or https:// URL (got "javascript:alert(1)")' },
      { path: 'bases', message: 'must list at least one base key, or be ["*"] for all bases' },
      { path: 'severity', message: 'must be one of "outage", "maintenance", "info" (got "urgent")' },
      { path: 'extra', message: 'is not a known field: remove it or check the spelling' },
    ]);
    for (const problem of problems)
      expect(problem.message).not.toMatch(/Too small|Invalid|expected .* received/);
    expect(problemsSummary(problems.slice(2, 3))).toBe(
      'The request has a problem: bases must list at least one base key, or be ["*"] for all bases.',
    );
  });

  it('says what type was expected and what was given, and when a field is missing', () => {
    const problems = problemsOf(MessageFields, {
      text: { ru: 'x' },
      bases: ['*'],
      severity: 'info',
      startsAt: 5,
    });
    expect(problems).toEqual([
      {
        path: 'startsAt',
        message: 'must be an ISO-8601 time with an offset, e.g. 2026-11-23T14:00:00+03:00 (got 5)',
      },
      { path: 'displayUntil', message: 'is required' },
    ]);
    const config = SwConfig.safeParse(
      { retryMaxSeconds: 'soon', fallbackStatuses: [200] },
      { reportInput: true },
    );
    if (config.success) throw new Error('expected a refusal');
    expect(fieldProblems(config.error.issues, 'en', '(top level)').map((p) => problemSentence(p))).toEqual([
      'fallbackStatuses.0 must be an HTTP error status (400–599)',
      'retryMaxSeconds must be a number (got "soon")',
    ]);
  });

  it('speaks Russian and Latvian, our own rules included', () => {
    const ru = problemsOf(
      Settings,
      { defaultLanguage: 'ru', timeZone: 'Mars/Olympus', bases: {}, extra: 1 },
      'ru',
    );
    expect(ru).toEqual([
      {
        path: 'timeZone',
        message: 'должен быть часовым поясом IANA, например «Europe/Moscow» (указано: "Mars/Olympus")',
      },
      { path: 'extra', message: 'неизвестное поле: удалите его или проверьте написание' },
    ]);
    expect(problemsSummary(ru, 'ru')).toBe(
      'В запросе ошибок: 2. timeZone: должен быть часовым поясом IANA, например «Europe/Moscow» (указано: "Mars/Olympus"); extra: неизвестное поле: удалите его или проверьте написание.',
    );
    const lv = problemsOf(MessageFields, { ...MESSAGE, text: { ru: 'x'.repeat(2001) } }, 'lv');
    expect(lv).toEqual([{ path: 'text.ru', message: 'jābūt ne vairāk kā 2000 rakstzīmēm' }]);
  });

  it('has every rule of ours in every page language', () => {
    for (const texts of Object.values(RULE_TEXTS)) {
      for (const language of PAGE_LANGUAGES) expect(texts[language].length).toBeGreaterThan(5);
    }
  });
});
