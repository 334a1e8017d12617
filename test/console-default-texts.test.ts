import { describe, expect, it } from 'vitest';
import { OFFLINE_TEXTS } from '../client-sw/src/offline-page/texts.ts';
import { lintMessage } from '../server/src/domain/lint/lint-message.ts';
import { fillTemplate, MESSAGE_TEMPLATES } from '../server/src/domain/templates/message-templates.ts';
import { DIALOG_TEXTS } from '../server/src/routes/console/preview/thin-client-dialog.tsx';
import { STATUS_PAGE_TEXTS } from '../server/src/routes/status-page/status-page-texts.ts';

const LANGUAGES = ['ru', 'en', 'lv'] as const;
const contact = { helpText: '+7 (495) 123-45-67' };

/**
 * The words users see when no administrator wrote anything: the offline page's lead, the status
 * page's summaries, the dialog's fallback. They cannot name a deadline (none is known) and the help
 * text comes with them, so "no-deadline" and "no-contact" are message rules; every other rule holds.
 */
function defaultTexts(language: (typeof LANGUAGES)[number]): string[] {
  const offline = OFFLINE_TEXTS[language];
  const status = STATUS_PAGE_TEXTS[language];
  return [
    ...Object.values(offline.lead).map((lead) => `${lead} ${offline.autoReturn}`),
    offline.title(undefined),
    status.allGood,
    status.someDown,
    status.noPast,
    status.notFoundText,
    DIALOG_TEXTS[language]?.fallback ?? '',
  ];
}

describe('default texts and templates pass the message lint', () => {
  it.each(LANGUAGES)(
    'default texts in %s: no jargon, shouting, exclamations, repeated apology or excess length',
    (language) => {
      for (const text of defaultTexts(language)) {
        expect(text.length).toBeGreaterThan(0);
        const warnings = lintMessage(text, language, contact).filter(
          (warning) => warning.code !== 'no-deadline',
        );
        expect({ text, warnings }).toEqual({ text, warnings: [] });
      }
    },
  );

  it.each(LANGUAGES)('every template in %s passes every rule, {until} and {phone} filled in', (language) => {
    for (const template of MESSAGE_TEMPLATES) {
      const text = (fillTemplate(template, { phone: '+371 2000 0000' })[language] ?? '').replaceAll(
        '{until}',
        '14:00',
      );
      expect({ id: template.id, warnings: lintMessage(text, language, {}) }).toEqual({
        id: template.id,
        warnings: [],
      });
    }
  });
});
