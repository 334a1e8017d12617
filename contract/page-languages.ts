/**
 * The languages every user-facing surface has its own words for (offline page, status page, feed,
 * message templates, the admin console). Texts written by administrators may be in any language;
 * these are the ones our fixed wording covers.
 */
export const PAGE_LANGUAGES = ['ru', 'en', 'lv'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

/** Each page language's name in itself, for language switchers. */
export const LANGUAGE_NAMES: Readonly<Record<PageLanguage, string>> = {
  ru: 'Русский',
  en: 'English',
  lv: 'Latviešu',
};

export function isPageLanguage(tag: string): tag is PageLanguage {
  return (PAGE_LANGUAGES as readonly string[]).includes(tag);
}
