import type { LocalizedText } from './language-tag.ts';

/** What the client asked for: `?lang=` wins over `Accept-Language`. */
export interface LanguageRequest {
  query?: string | undefined;
  acceptLanguage?: string | undefined;
}

/**
 * The one language-tag rule: a well-formed BCP-47 tag (`ru`, `en-GB`, `sr-Latn-RS`) as the platform's
 * own Intl understands it, 2–35 characters. Stored texts, `?lang=`, `Accept-Language` entries and the
 * console's "add a language" field are all checked with it. Zod-free, so the offline page can carry it.
 */
export function isLanguageTag(tag: string): boolean {
  if (tag.length < 2 || tag.length > 35 || !/^[A-Za-z]/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A hostile header must not cost more than a glance. */
const MAX_ACCEPT_ENTRIES = 20;

const primary = (tag: string) => tag.split('-', 1)[0] ?? tag;

/** `Accept-Language` tags, preferred first; malformed entries and `q=0` are skipped, never fatal. */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  const entries: { tag: string; q: number; order: number }[] = [];
  for (const [order, part] of header.split(',').slice(0, MAX_ACCEPT_ENTRIES).entries()) {
    const [rawTag = '', ...params] = part.split(';');
    const tag = rawTag.trim();
    if (!isLanguageTag(tag)) continue;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name === 'q')
        q = value !== undefined && /^[01](?:\.\d{0,3})?$/.test(value) ? Number(value) : Number.NaN;
    }
    if (!(q > 0 && q <= 1)) continue;
    entries.push({ tag, q, order });
  }
  return entries.sort((a, b) => b.q - a.q || a.order - b.order).map((e) => e.tag);
}

/** The available language that best serves `wanted`: exact tag, then same primary language. */
export function matchLanguage(wanted: string, available: readonly string[]): string | undefined {
  const lower = wanted.toLowerCase();
  const exact = available.find((tag) => tag.toLowerCase() === lower);
  if (exact) return exact;
  const wantedPrimary = primary(lower);
  return available.find((tag) => primary(tag.toLowerCase()) === wantedPrimary);
}

/**
 * The response language: `?lang=`, then `Accept-Language` in preference order, each matched against
 * the languages the data has; otherwise the default language.
 */
export function negotiateLanguage(
  request: LanguageRequest,
  available: readonly string[],
  defaultLanguage: string,
): string {
  const wanted = [...(request.query && isLanguageTag(request.query) ? [request.query] : [])];
  wanted.push(...parseAcceptLanguage(request.acceptLanguage));
  for (const tag of wanted) {
    const match = matchLanguage(tag, available);
    if (match) return match;
  }
  return defaultLanguage;
}

/** A text in `language`, else in the default language, else in any language the text has. */
export function pickText(
  texts: LocalizedText | undefined,
  language: string,
  defaultLanguage: string,
): { text: string; language: string } | undefined {
  if (!texts) return undefined;
  const keys = Object.keys(texts);
  const key = matchLanguage(language, keys) ?? matchLanguage(defaultLanguage, keys) ?? keys[0];
  const text = key === undefined ? undefined : texts[key];
  return key === undefined || text === undefined ? undefined : { text, language: key };
}

/** Every language tag that appears in `texts`, deduplicated, in first-seen order. */
export function languagesOf(texts: readonly (LocalizedText | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const t of texts) for (const key of Object.keys(t ?? {})) seen.add(key);
  return [...seen];
}
