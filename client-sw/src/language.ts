import { matchLanguage, pickText } from '../../contract/language-match.ts';
import { PAGE_LANGUAGES, type PageLanguage } from '../../contract/page-languages.ts';

/**
 * The first of the browser's languages we have texts for, else the configured default, else Russian.
 * Matching is the contract's (contract/language-match.ts: exact tag, then primary language); that
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
