import { wordsLanguage } from '../../../../contract/issue-words.ts';
import { MAX_MESSAGE_LENGTH } from '../../../../contract/limits.ts';
import type { LintCode, LintWarning } from '../../../../contract/lint-warning.ts';
import { LINT_TEXTS } from './lint-texts.ts';
import { ALLOWED_CAPITALS, LINT_WORDS, type LintWords } from './lint-words.ts';

// The warning's shape is wire contract (the API returns it, /openapi.json describes it).
export type { LintCode, LintWarning };

export interface LintContext {
  /** The help text users will see with this message (message override or settings default). */
  helpText?: string | undefined;
  /** The "Нужна помощь" link users will see with this message. */
  helpURL?: string | undefined;
}

const LETTER = String.raw`[\p{L}\p{N}]`;
const TIME_OF_DAY = /(?<![\p{N}])([01]?\d|2[0-3])[:.][0-5]\d(?![\p{N}])/u;
const DATE = /(?<![\p{N}])\d{1,2}[./]\d{1,2}([./]\d{2,4})?(?![\p{N}])|\d{4}-\d{2}-\d{2}/u;
const CONTACT_IN_TEXT = /\{phone\}|https?:\/\/|www\.|@[\p{L}\p{N}-]+\.|\+?\d[\d ()-]{6,}\d/u;
const PHONE = /\+?\d[\d ()-]{6,}\d/gu;
const LINK = /\bhttps?:\/\/[^\s"'<>)]+|\bwww\.[^\s"'<>)]+/giu;
const WORD = /[\p{L}]+(?:-[\p{L}]+)*/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Compiled once per term: lint runs on every admin write, on the thread that answers 1C clients. */
const termPatterns = new Map<string, RegExp>();

function termPattern(term: string, asStems: boolean): RegExp {
  const key = `${asStems ? 'stem' : 'word'}:${term}`;
  let pattern = termPatterns.get(key);
  if (!pattern) {
    const tail = asStems || term.endsWith(' ') ? '' : `(?!${LETTER})`;
    pattern = new RegExp(`(?<!${LETTER})${escapeRegExp(term)}${tail}`, 'giu');
    termPatterns.set(key, pattern);
  }
  return pattern;
}

/**
 * Compiles every pattern of every language and runs each once: the first lint of a process otherwise
 * costs some hundred milliseconds (case-insensitive Unicode patterns), on the thread that answers 1C
 * clients. The Node entry calls it before it starts listening.
 */
export function warmUpLint(): void {
  // V8 compiles a pattern separately for Latin-1 and for other texts: one sample of each.
  const samples = [
    'Работы до 14:00, 23.11.2026. SERVER +7 495 123-45-67',
    'Works until 2:00 PM, 11/23. Call +7 495 1234567',
  ];
  for (const language of Object.keys(LINT_WORDS)) {
    for (const sample of samples) lintMessage(sample, language, { helpText: sample });
  }
}

/** Whole-word (or whole-phrase) matches of `terms` in `text`, case-insensitive, as they appear. */
function findTerms(text: string, terms: readonly string[], asStems: boolean): string[] {
  const found: string[] = [];
  for (const term of terms) {
    const pattern = termPattern(term, asStems);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push(match[0]);
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

/** The last 10 digits: "+7 (495) 123-45-67" and "8 495 123-45-67" are the same phone. */
const phoneKey = (phone: string) => phone.replace(/\D/g, '').slice(-10);
const linkKey = (link: string) =>
  link
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[.,;:!?/]+$/, '');

/** Phones and links in the text that the help text or link under it already give. */
function repeatedContacts(text: string, context: LintContext): string[] {
  const help = context.helpText ?? '';
  const helpPhones = new Set([...help.matchAll(PHONE)].map(([phone]) => phoneKey(phone)));
  const helpLinks = new Set(
    [...help.matchAll(LINK), ...(context.helpURL ? [[context.helpURL]] : [])].map(([link]) =>
      linkKey(link ?? ''),
    ),
  );
  const phones = [...text.matchAll(PHONE)].map(([phone]) => phone).filter((p) => helpPhones.has(phoneKey(p)));
  const links = [...text.matchAll(LINK)]
    .map(([link]) => link.replace(/[.,;:!?]+$/, ''))
    .filter((link) => helpLinks.has(linkKey(link)));
  return [...new Set([...phones, ...links])];
}

function saysWhen(text: string, words: LintWords): boolean {
  return (
    text.includes('{until}') ||
    TIME_OF_DAY.test(text) ||
    DATE.test(text) ||
    findTerms(text, words.timeStems, true).length > 0
  );
}

/**
 * Checks a message text (in `language`) against the measurable rules of docs/voice.md, in rule order.
 * Pure: the same text, language and context always give the same warnings. The warnings' words are
 * in `wordsIn` (the administrator's language).
 */
export function lintMessage(
  text: string,
  language: string,
  context: LintContext = {},
  wordsIn = 'en',
): LintWarning[] {
  const say = LINT_TEXTS[wordsLanguage(wordsIn)];
  const warnings: LintWarning[] = [];
  const add = (code: LintCode, message: string, matches?: string[]) =>
    warnings.push({ code, message, ...(matches && { matches }) });
  const words = wordsFor(language);

  if (!saysWhen(text, words)) add('no-deadline', say['no-deadline']);
  if (text.length > MAX_MESSAGE_LENGTH) {
    add('too-long', say['too-long'](text.length, MAX_MESSAGE_LENGTH));
  }
  const jargon = findTerms(text, words.jargon, false);
  if (jargon.length > 0) add('jargon', say.jargon, [...new Set(jargon)]);

  // A capitalised technical term (SDBL, СУБД) is jargon, not shouting: one warning is enough.
  const jargonWords = new Set(jargon.flatMap((match) => match.match(WORD) ?? []));
  const shouted = shoutedWords(text).filter((word) => !jargonWords.has(word));
  if (shouted.length > 0) add('all-caps', say['all-caps'], [...new Set(shouted)]);

  const hasContext = Boolean(context.helpText?.trim() || context.helpURL?.trim());
  if (!hasContext && !CONTACT_IN_TEXT.test(text)) add('no-contact', say['no-contact']);
  const repeated = repeatedContacts(text, context);
  if (repeated.length > 0) add('repeated-contact', say['repeated-contact'], repeated);

  const exclamations = text.match(/!/g)?.length ?? 0;
  if (exclamations > 1) add('many-exclamations', say['many-exclamations'](exclamations, 1));

  const apologies = findTerms(text, words.apologyStems, true);
  if (apologies.length > 1) add('repeated-apology', say['repeated-apology'], apologies);

  return warnings;
}
