import { describe, expect, it } from 'vitest';
import { PAGE_LANGUAGES } from '../../../contract/page-languages.ts';
import { type StoreProblem, storeProblemWords } from './store-problem-words.ts';

const FILE = '/var/lib/startup-help/startup-help.db';
const PROBLEMS: StoreProblem[] = [
  { reason: 'busy', file: FILE, seconds: 5 },
  { reason: 'full', file: FILE },
  { reason: 'read-only', file: FILE },
  { reason: 'disk', file: FILE },
  { reason: 'failed', file: FILE },
  { reason: 'd1', detail: 'D1_ERROR: no such table: messages' },
];

describe('storeProblemWords', () => {
  it('says in every language where it failed and that nothing was changed', () => {
    const nothingChanged = {
      en: 'Nothing was changed',
      ru: 'Ничего не изменено',
      lv: 'Nekas netika mainīts',
    };
    for (const language of PAGE_LANGUAGES) {
      for (const problem of PROBLEMS) {
        const text = storeProblemWords(problem, language);
        expect(text).toContain('file' in problem ? problem.file : problem.detail);
        if (problem.reason !== 'd1') expect(text).toContain(nothingChanged[language]);
        expect(text).toMatch(/\.$/);
      }
    }
  });

  it('gives each problem its own advice, and Russian and Latvian their own words', () => {
    for (const language of PAGE_LANGUAGES) {
      const texts = PROBLEMS.map((problem) => storeProblemWords(problem, language));
      expect(new Set(texts).size).toBe(PROBLEMS.length);
    }
    for (const problem of PROBLEMS) {
      const en = storeProblemWords(problem, 'en');
      expect(storeProblemWords(problem, 'ru')).not.toBe(en);
      expect(storeProblemWords(problem, 'lv')).not.toBe(en);
      // Nothing of the English sentence is left in the others beyond names and commands.
      expect(storeProblemWords(problem, 'ru')).not.toMatch(/\b(the|try|again|disk)\b/);
      expect(storeProblemWords(problem, 'lv')).not.toMatch(/\b(the|try|again)\b/);
    }
  });

  it('keeps the English advice of the busy timeout in seconds', () => {
    expect(storeProblemWords({ reason: 'busy', file: FILE, seconds: 5 }, 'en')).toBe(
      `Could not use the database: another process kept ${FILE} locked for more than 5 s (another startup-help process, a backup or an sqlite3 shell in a transaction). Nothing was changed; try again.`,
    );
  });
});
