import * as z from './zod.ts';

/** The rules of docs/voice.md the message lint can measure. */
export const LintCode = z.enum([
  'no-deadline',
  'too-long',
  'jargon',
  'all-caps',
  'no-contact',
  'repeated-contact',
  'many-exclamations',
  'repeated-apology',
]);
export type LintCode = z.infer<typeof LintCode>;

/** A hint for the administrator; never blocks saving. */
export const LintWarning = z.object({
  code: LintCode,
  /** Plain words: what is wrong and how to fix it, in the caller's language (`Accept-Language`). */
  message: z.string(),
  /** The offending words, when the rule is about words. */
  matches: z.optional(z.array(z.string())),
});
export type LintWarning = z.infer<typeof LintWarning>;

/** A warning about one language's text of a message, as POST/PATCH message answers carry them. */
export const MessageLintWarning = z.extend(LintWarning, {
  /** The language of the text the warning is about. */
  language: z.string(),
});
export type MessageLintWarning = z.infer<typeof MessageLintWarning>;
