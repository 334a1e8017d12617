import { isLanguageTag } from './language-match.ts';
import { MAX_TEXT_LENGTH } from './limits.ts';
import { RULE_TEXTS } from './rule-texts.ts';
import * as z from './zod.ts';

/** A BCP-47 language tag such as `ru`, `en`, `lv`, `en-GB` (see isLanguageTag). */
export const LanguageTag = z.string().check(z.refine(isLanguageTag, { error: RULE_TEXTS.languageTag.en }));
export type LanguageTag = z.infer<typeof LanguageTag>;

/** Text per language: `{ "ru": "…", "en": "…" }`. */
export const LocalizedText = z
  .record(
    LanguageTag,
    z
      .string()
      .check(z.trim(), z.minLength(1, { error: RULE_TEXTS.notEmpty.en }), z.maxLength(MAX_TEXT_LENGTH)),
  )
  .check(z.refine((texts) => Object.keys(texts).length > 0, { error: RULE_TEXTS.oneLanguage.en }));
export type LocalizedText = z.infer<typeof LocalizedText>;
