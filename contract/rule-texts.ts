import type { PageLanguage } from './page-languages.ts';

/**
 * The words of our own field rules, in every language our wording covers. Schemas use the English
 * text as their zod `error`; contract/issue-words.ts finds a rule by that text and says it in the
 * reader's language, so a rule and its translations cannot drift apart.
 */
export const RULE_TEXTS = {
  baseKey: {
    en: 'must be 1–64 Latin letters, digits, "_", "-" or "." and start with a letter or digit (e.g. "buh")',
    ru: 'должен состоять из 1–64 латинских букв, цифр, «_», «-» или «.» и начинаться с буквы или цифры (например, «buh»)',
    lv: 'jābūt 1–64 latīņu burtiem, cipariem, "_", "-" vai "." un jāsākas ar burtu vai ciparu (piemēram, "buh")',
  },
  baseKeyJson: {
    en: 'must not end with ".json"',
    ru: 'не должен заканчиваться на «.json»',
    lv: 'nedrīkst beigties ar ".json"',
  },
  httpURL: {
    en: 'must be an absolute http:// or https:// URL',
    ru: 'должна быть полным адресом, начинающимся с http:// или https://',
    lv: 'jābūt pilnai adresei, kas sākas ar http:// vai https://',
  },
  isoTime: {
    en: 'must be an ISO-8601 time with an offset, e.g. 2026-11-23T14:00:00+03:00',
    ru: 'должно быть временем ISO-8601 со смещением, например 2026-11-23T14:00:00+03:00',
    lv: 'jābūt ISO-8601 laikam ar nobīdi, piemēram, 2026-11-23T14:00:00+03:00',
  },
  languageTag: {
    en: 'must be a BCP-47 language tag such as "ru", "en" or "lv"',
    ru: 'должен быть кодом языка BCP-47, например «ru», «en» или «lv»',
    lv: 'jābūt BCP-47 valodas kodam, piemēram, "ru", "en" vai "lv"',
  },
  notEmpty: {
    en: 'must not be empty',
    ru: 'не может быть пустым',
    lv: 'nedrīkst būt tukšs',
  },
  oneLanguage: {
    en: 'needs a text in at least one language',
    ru: 'нужен текст хотя бы на одном языке',
    lv: 'vajadzīgs teksts vismaz vienā valodā',
  },
  bases: {
    en: 'must list at least one base key, or be ["*"] for all bases',
    ru: 'нужно указать хотя бы одну базу или ["*"] для всех баз',
    lv: 'jānorāda vismaz viena bāze vai ["*"] visām bāzēm',
  },
  timeZone: {
    en: 'must be an IANA time zone such as "Europe/Moscow"',
    ru: 'должен быть часовым поясом IANA, например «Europe/Moscow»',
    lv: 'jābūt IANA laika joslai, piemēram, "Europe/Moscow"',
  },
  httpErrorStatus: {
    en: 'must be an HTTP error status (400–599)',
    ru: 'должен быть кодом ошибки HTTP (400–599)',
    lv: 'jābūt HTTP kļūdas kodam (400–599)',
  },
  envName: {
    en: 'must be the name of an environment variable in capitals, such as "TELEGRAM_TOKEN"; the secret itself goes into that variable, never here',
    ru: 'должно быть именем переменной окружения заглавными буквами, например «TELEGRAM_TOKEN»; сам секрет кладут в эту переменную, а не сюда',
    lv: 'jābūt vides mainīgā nosaukumam ar lielajiem burtiem, piemēram, "TELEGRAM_TOKEN"; pašu noslēpumu ieliek šajā mainīgajā, nevis šeit',
  },
  email: {
    en: 'must be an e-mail address such as "oncall@example.com"',
    ru: 'должен быть адресом электронной почты, например «oncall@example.com»',
    lv: 'jābūt e-pasta adresei, piemēram, "oncall@example.com"',
  },
  chatId: {
    en: 'must be a numeric chat id such as "-1001234567890" or a channel name such as "@it_oncall"',
    ru: 'должен быть числовым id чата, например «-1001234567890», или именем канала, например «@it_oncall»',
    lv: 'jābūt tērzēšanas skaitliskajam id, piemēram, "-1001234567890", vai kanāla nosaukumam, piemēram, "@it_oncall"',
  },
} as const satisfies Record<string, Record<PageLanguage, string>>;

export type RuleName = keyof typeof RULE_TEXTS;

/** The rule whose English text a zod issue carries, if it is one of ours. */
export function ruleByText(message: string): RuleName | undefined {
  return (Object.keys(RULE_TEXTS) as RuleName[]).find((name) => RULE_TEXTS[name].en === message);
}
