import type { LintCode, LintWarning } from '../../../../contract/lint-warning.ts';
import { ALLOWED_CAPITALS, LINT_WORDS, type LintWords } from './lint-words.ts';

// The warning's shape is wire contract (the API returns it, /openapi.json describes it).
export type { LintCode, LintWarning };

export interface LintContext {
  /** The help text users will see with this message (message override or settings default). */
  helpText?: string | undefined;
  /** The "Нужна помощь" link users will see with this message. */
  helpURL?: string | undefined;
}

export const MAX_MESSAGE_LENGTH = 300;

const LETTER = String.raw`[\p{L}\p{N}]`;
const TIME_OF_DAY = /(?<![\p{N}])([01]?\d|2[0-3])[:.][0-5]\d(?![\p{N}])/u;
const DATE = /(?<![\p{N}])\d{1,2}[./]\d{1,2}([./]\d{2,4})?(?![\p{N}])|\d{4}-\d{2}-\d{2}/u;
const CONTACT_IN_TEXT = /\{phone\}|https?:\/\/|www\.|@[\p{L}\p{N}-]+\.|\+?\d[\d ()-]{6,}\d/u;
const WORD = /[\p{L}]+(?:-[\p{L}]+)*/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whole-word (or whole-phrase) matches of `terms` in `text`, case-insensitive, as they appear. */
function findTerms(text: string, terms: readonly string[], asStems: boolean): string[] {
  const found: string[] = [];
  for (const term of terms) {
    const tail = asStems || term.endsWith(' ') ? '' : `(?!${LETTER})`;
    const pattern = new RegExp(`(?<!${LETTER})${escapeRegExp(term)}${tail}`, 'giu');
    for (const match of text.matchAll(pattern)) found.push(match[0]);
  }
  return found;
}

function wordsFor(language: string): LintWords {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  if (primary === 'ru' || primary === 'lv' || primary === 'en') return LINT_WORDS[primary];
  // Unknown language: the English list still catches the terms pasted from logs.
  return LINT_WORDS.en;
}

function shoutedWords(text: string): string[] {
  const shouted: string[] = [];
  for (const [word] of text.matchAll(WORD)) {
    const letters = word.replace(/-/g, '');
    const hasCase = letters.toLowerCase() !== letters.toUpperCase();
    if (letters.length >= 4 && hasCase && letters === letters.toUpperCase() && !ALLOWED_CAPITALS.has(word)) {
      shouted.push(word);
    }
  }
  return shouted;
}

/**
 * Checks a message text against the measurable rules of docs/voice.md. Pure: the same text, language and
 * context always give the same warnings, in rule order.
 */
export function lintMessage(text: string, language: string, context: LintContext = {}): LintWarning[] {
  const warnings: LintWarning[] = [];
  const words = wordsFor(language);

  const saysWhen =
    text.includes('{until}') ||
    TIME_OF_DAY.test(text) ||
    DATE.test(text) ||
    findTerms(text, words.timeStems, true).length > 0;
  if (!saysWhen) {
    warnings.push({
      code: 'no-deadline',
      message:
        'Say when: add a time ("after {until}") or when the next update comes, so people know how long to wait.',
    });
  }

  if (text.length > MAX_MESSAGE_LENGTH) {
    warnings.push({
      code: 'too-long',
      message: `Too long: ${text.length} characters; keep the main text within ${MAX_MESSAGE_LENGTH} and move detail to the help link.`,
    });
  }

  const jargon = findTerms(text, words.jargon, false);
  if (jargon.length > 0) {
    warnings.push({
      code: 'jargon',
      message: 'Technical words: say it in plain words; error details belong behind "Show details".',
      matches: [...new Set(jargon)],
    });
  }

  // A capitalised technical term (SDBL, СУБД) is jargon, not shouting: one warning is enough.
  const jargonWords = new Set(jargon.flatMap((match) => match.match(WORD) ?? []));
  const shouted = shoutedWords(text).filter((word) => !jargonWords.has(word));
  if (shouted.length > 0) {
    warnings.push({
      code: 'all-caps',
      message: 'Capital letters read as shouting: write these words in normal case.',
      matches: [...new Set(shouted)],
    });
  }

  const hasContext = Boolean(context.helpText?.trim() || context.helpURL?.trim());
  if (!hasContext && !CONTACT_IN_TEXT.test(text)) {
    warnings.push({
      code: 'no-contact',
      message:
        'No way to reach you: set a help text or help link (in the message or in settings), or add a phone.',
    });
  }

  const exclamations = text.match(/!/g)?.length ?? 0;
  if (exclamations > 1) {
    warnings.push({
      code: 'many-exclamations',
      message: `${exclamations} exclamation marks: one at most keeps the tone calm.`,
    });
  }

  const apologies = findTerms(text, words.apologyStems, true);
  if (apologies.length > 1) {
    warnings.push({
      code: 'repeated-apology',
      message: 'One apology is enough: say what you are doing instead.',
      matches: apologies,
    });
  }

  return warnings;
}
