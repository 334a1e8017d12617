import type { Context } from 'hono';
import { negotiateLanguage } from '../../../contract/language-match.ts';
import { PAGE_LANGUAGES, type PageLanguage } from '../../../contract/page-languages.ts';

/**
 * The language of the admin API's own words (field problems, lint hints): the caller's
 * `Accept-Language` among ru, en, lv — the console sends its language — else English, which a script
 * calling the API most likely reads.
 */
export function adminLanguage(c: Context): PageLanguage {
  return negotiateLanguage(
    { acceptLanguage: c.req.header('accept-language') },
    PAGE_LANGUAGES,
    'en',
  ) as PageLanguage;
}
