import { matchLanguage } from '../../contract/language-match.ts';
import { PAGE_LANGUAGES, type PageLanguage } from '../../contract/page-languages.ts';
import { type ConsoleTexts, EN } from './en.ts';
import { LV } from './lv.ts';
import { RU } from './ru.ts';

export type { ConsoleTexts, StaticTextKey } from './en.ts';

/** The console's words per language: ru, en, lv — the languages our own wording covers. */
export const CONSOLE_TEXTS: Readonly<Record<PageLanguage, ConsoleTexts>> = { ru: RU, en: EN, lv: LV };

/**
 * The console's language: the administrator's earlier choice, else the first of the browser's
 * languages the console speaks, else English.
 */
export function chooseConsoleLanguage(
  saved: string | null | undefined,
  preferred: readonly string[],
): PageLanguage {
  for (const tag of [...(saved ? [saved] : []), ...preferred]) {
    const found = matchLanguage(tag, PAGE_LANGUAGES);
    if (found) return found as PageLanguage;
  }
  return 'en';
}
