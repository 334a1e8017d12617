import { matchLanguage, pickText } from '../../server/src/domain/i18n.ts';

/** Languages the offline page has texts for. */
export const PAGE_LANGUAGES = ['ru', 'en', 'lv'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

/**
 * The first of the browser's languages we have texts for, else the configured default, else Russian.
 * Matching is the server's own (server/src/domain/i18n.ts: exact tag, then primary language); that
 * module has no runtime imports, so the page and the service worker only carry these few lines.
 */
export function chooseLanguage(
  preferred: readonly string[],
  defaultLanguage: string | undefined,
): PageLanguage {
  for (const tag of defaultLanguage === undefined ? preferred : [...preferred, defaultLanguage]) {
    const found = matchLanguage(tag, PAGE_LANGUAGES);
    if (found) return found as PageLanguage;
  }
  return 'ru';
}

/** Picks one text from a per-language record (the server's pickText); a plain string is the text itself. */
export function pickLocalized(
  text: string | Readonly<Record<string, string>> | undefined,
  language: string,
  defaultLanguage: string | undefined,
): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return pickText(text, language, defaultLanguage ?? language)?.text;
}
