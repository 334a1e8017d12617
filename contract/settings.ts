import { BaseKey } from './base-key.ts';
import { HelpURL } from './help-url.ts';
import { LanguageTag, LocalizedText } from './language-tag.ts';
import { MAX_BASE_NAME_LENGTH } from './limits.ts';
import { RULE_TEXTS } from './rule-texts.ts';
import * as z from './zod.ts';

export const TimeZone = z.string().check(
  z.refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { error: RULE_TEXTS.timeZone.en },
  ),
);

export const BaseSettings = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_BASE_NAME_LENGTH)),
  helpText: z.optional(LocalizedText),
  helpURL: z.optional(HelpURL),
});
export type BaseSettings = z.infer<typeof BaseSettings>;

export const Settings = z.strictObject({
  defaultLanguage: LanguageTag,
  timeZone: TimeZone,
  helpText: z.optional(LocalizedText),
  helpURL: z.optional(HelpURL),
  bases: z.record(BaseKey, BaseSettings),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  defaultLanguage: 'ru',
  timeZone: 'Europe/Moscow',
  bases: {},
};
