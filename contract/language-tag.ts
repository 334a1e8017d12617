import { isLanguageTag } from './language-match.ts';
import { MAX_TEXT_LENGTH } from './limits.ts';
import * as z from './zod.ts';

/** A BCP-47 language tag such as `ru`, `en`, `lv`, `en-GB` (see isLanguageTag). */
export const LanguageTag = z
  .string()
  .check(z.refine(isLanguageTag, { error: 'must be a BCP-47 language tag such as "ru", "en" or "lv"' }));
export type LanguageTag = z.infer<typeof LanguageTag>;

/** Text per language: `{ "ru": "…", "en": "…" }`. */
export const LocalizedText = z
  .record(
    LanguageTag,
    z
      .string()
      .check(
        z.trim(),
        z.minLength(1, { error: 'must not be empty' }),
        z.maxLength(MAX_TEXT_LENGTH, { error: `must be at most ${MAX_TEXT_LENGTH} characters` }),
      ),
  )
  .check(
    z.refine((texts) => Object.keys(texts).length > 0, { error: 'needs a text in at least one language' }),
  );
export type LocalizedText = z.infer<typeof LocalizedText>;
