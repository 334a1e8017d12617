/** Languages the offline page has texts for. */
export const PAGE_LANGUAGES = ['ru', 'en', 'lv'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

function primary(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? '';
}

function asPageLanguage(tag: string | undefined): PageLanguage | undefined {
  if (tag === undefined) return undefined;
  const base = primary(tag);
  return (PAGE_LANGUAGES as readonly string[]).includes(base) ? (base as PageLanguage) : undefined;
}

/** The first of the browser's languages we have texts for, else the configured default, else Russian. */
export function chooseLanguage(
  preferred: readonly string[],
  defaultLanguage: string | undefined,
): PageLanguage {
  for (const tag of preferred) {
    const found = asPageLanguage(tag);
    if (found) return found;
  }
  return asPageLanguage(defaultLanguage) ?? 'ru';
}

/** Picks one text from a per-language record: the page language, the default, then any. */
export function pickLocalized(
  text: string | Readonly<Record<string, string>> | undefined,
  language: string,
  defaultLanguage: string | undefined,
): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  const keys = Object.keys(text);
  const byPrimary = (want: string | undefined) =>
    want === undefined ? undefined : keys.find((key) => primary(key) === primary(want));
  const key = byPrimary(language) ?? byPrimary(defaultLanguage) ?? keys[0];
  return key === undefined ? undefined : text[key];
}
