import { z } from 'zod';
import { BaseKey } from './base-key.ts';
import { HelpURL } from './help-url.ts';
import { LanguageTag, LocalizedText } from './language-tag.ts';

export const TimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'must be an IANA time zone such as "Europe/Moscow"' },
);

export const BaseSettings = z.strictObject({
  name: z.string().trim().min(1).max(200),
  helpText: LocalizedText.optional(),
  helpURL: HelpURL.optional(),
});
export type BaseSettings = z.infer<typeof BaseSettings>;

export const Settings = z.strictObject({
  defaultLanguage: LanguageTag,
  timeZone: TimeZone,
  helpText: LocalizedText.optional(),
  helpURL: HelpURL.optional(),
  bases: z.record(BaseKey, BaseSettings),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  defaultLanguage: 'ru',
  timeZone: 'Europe/Moscow',
  bases: {},
};
