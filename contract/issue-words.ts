import { matchLanguage } from './language-match.ts';
import { PAGE_LANGUAGES, type PageLanguage } from './page-languages.ts';
import type { FieldProblem } from './problem.ts';
import { RULE_TEXTS, type RuleName, ruleByText } from './rule-texts.ts';
import type * as z from './zod.ts';

/**
 * The one home for turning zod issues into plain words: every refusal a person can meet (the admin
 * API's 400, `npm run build:sw`, the console) names the field, what is wrong and what would be right,
 * in the reader's language. zod's own texts ("Too small: expected array to have >=1 items") never
 * reach anyone. Parse with `{ reportInput: true }` so a sentence can quote what was given.
 */

type Issue = z.core.$ZodIssue;

interface IssueWords {
  required: string;
  type: (expected: string) => string;
  got: (shown: string) => string;
  textMin: (n: number) => string;
  textMax: (n: number) => string;
  numberMin: (n: number, inclusive: boolean) => string;
  numberMax: (n: number, inclusive: boolean) => string;
  listMin: (n: number) => string;
  listMax: (n: number) => string;
  oneOf: (values: string) => string;
  unknownField: string;
  wrongForm: string;
  sentence: (path: string, message: string) => string;
  summary: (count: number, sentences: string) => string;
}

const TYPE_NAMES: Record<PageLanguage, Record<string, string>> = {
  en: {
    number: 'a number',
    int: 'a whole number',
    string: 'text',
    object: 'a JSON object',
    array: 'a list',
    boolean: 'true or false',
  },
  ru: {
    number: 'числом',
    int: 'целым числом',
    string: 'текстом',
    object: 'объектом JSON',
    array: 'списком',
    boolean: 'true или false',
  },
  lv: {
    number: 'skaitlim',
    int: 'veselam skaitlim',
    string: 'tekstam',
    object: 'JSON objektam',
    array: 'sarakstam',
    boolean: 'true vai false',
  },
};

const WORDS: Record<PageLanguage, IssueWords> = {
  en: {
    required: 'is required',
    type: (expected) => `must be ${TYPE_NAMES.en[expected] ?? expected}`,
    got: (shown) => ` (got ${shown})`,
    textMin: (n) => (n <= 1 ? 'must not be empty' : `must be at least ${n} characters`),
    textMax: (n) => `must be at most ${n} characters`,
    numberMin: (n, inclusive) => (inclusive ? `must be at least ${n}` : `must be more than ${n}`),
    numberMax: (n, inclusive) => (inclusive ? `must be at most ${n}` : `must be less than ${n}`),
    listMin: (n) => `must list at least ${n} item${n === 1 ? '' : 's'}`,
    listMax: (n) => `must list at most ${n} items`,
    oneOf: (values) => `must be one of ${values}`,
    unknownField: 'is not a known field: remove it or check the spelling',
    wrongForm: 'has the wrong form',
    sentence: (path, message) => `${path} ${message}`,
    summary: (count, sentences) =>
      `The request has ${count === 1 ? 'a problem' : `${count} problems`}: ${sentences}.`,
  },
  ru: {
    required: 'обязательно',
    type: (expected) => `должно быть ${TYPE_NAMES.ru[expected] ?? expected}`,
    got: (shown) => ` (указано: ${shown})`,
    textMin: (n) => (n <= 1 ? 'не может быть пустым' : `должно быть не короче ${n} символов`),
    textMax: (n) => `должно быть не длиннее ${n} символов`,
    numberMin: (n, inclusive) => (inclusive ? `должно быть не меньше ${n}` : `должно быть больше ${n}`),
    numberMax: (n, inclusive) => (inclusive ? `должно быть не больше ${n}` : `должно быть меньше ${n}`),
    listMin: (n) => `нужно указать хотя бы ${n}`,
    listMax: (n) => `можно указать не больше ${n}`,
    oneOf: (values) => `должно быть одним из: ${values}`,
    unknownField: 'неизвестное поле: удалите его или проверьте написание',
    wrongForm: 'указано в неверном виде',
    sentence: (path, message) => `${path}: ${message}`,
    summary: (count, sentences) =>
      `${count === 1 ? 'В запросе ошибка' : `В запросе ошибок: ${count}`}. ${sentences}.`,
  },
  lv: {
    required: 'ir obligāts',
    type: (expected) => `jābūt ${TYPE_NAMES.lv[expected] ?? expected}`,
    got: (shown) => ` (norādīts: ${shown})`,
    textMin: (n) => (n <= 1 ? 'nedrīkst būt tukšs' : `jābūt vismaz ${n} rakstzīmēm`),
    textMax: (n) => `jābūt ne vairāk kā ${n} rakstzīmēm`,
    numberMin: (n, inclusive) => (inclusive ? `jābūt vismaz ${n}` : `jābūt lielākam par ${n}`),
    numberMax: (n, inclusive) => (inclusive ? `jābūt ne vairāk kā ${n}` : `jābūt mazākam par ${n}`),
    listMin: (n) => `jānorāda vismaz ${n}`,
    listMax: (n) => `var norādīt ne vairāk kā ${n}`,
    oneOf: (values) => `jābūt vienam no: ${values}`,
    unknownField: 'nezināms lauks: izdzēsiet to vai pārbaudiet rakstību',
    wrongForm: 'norādīts nepareizā formā',
    sentence: (path, message) => `${path}: ${message}`,
    summary: (count, sentences) =>
      `${count === 1 ? 'Pieprasījumā ir kļūda' : `Pieprasījumā ir kļūdas (${count})`}. ${sentences}.`,
  },
};

/** One of our page languages for `language` (`en-GB` → en); English for any other. */
export function wordsLanguage(language: string): PageLanguage {
  return (matchLanguage(language, PAGE_LANGUAGES) as PageLanguage | undefined) ?? 'en';
}

function shown(input: unknown): string {
  const text = typeof input === 'string' ? JSON.stringify(input) : (JSON.stringify(input) ?? String(input));
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function sizeWords(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, words: IssueWords): string {
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive ?? true;
  if (issue.origin === 'string')
    return issue.code === 'too_small' ? words.textMin(limit) : words.textMax(limit);
  if (issue.origin === 'array' || issue.origin === 'set') {
    return issue.code === 'too_small' ? words.listMin(limit) : words.listMax(limit);
  }
  return issue.code === 'too_small' ? words.numberMin(limit, inclusive) : words.numberMax(limit, inclusive);
}

/**
 * Fields where a mistake is likely the secret itself (a bot token pasted where its variable's name
 * belongs): the refusal must not send it back, or it would land in proxies' and browsers' logs.
 */
const NEVER_QUOTED: ReadonlySet<RuleName> = new Set(['envName']);

/** What is wrong with one field, in `language`; our own rules in their own words. */
function issueMessage(issue: Issue, language: PageLanguage): string {
  const words = WORDS[language];
  if (issue.code === 'invalid_type' && issue.input === undefined) return words.required;
  // What was given helps with a wrong form or value; for a wrong length the limit says enough.
  const sized = issue.code === 'too_small' || issue.code === 'too_big';
  const rule = ruleByText(issue.message);
  const quotable = !sized && (rule === undefined || !NEVER_QUOTED.has(rule));
  const given =
    'input' in issue && issue.input !== undefined && quotable ? words.got(shown(issue.input)) : '';
  if (rule) return `${RULE_TEXTS[rule][language]}${given}`;
  switch (issue.code) {
    case 'invalid_type':
      return `${words.type(issue.expected)}${given}`;
    case 'too_small':
    case 'too_big':
      return sizeWords(issue, words);
    case 'invalid_value':
      return `${words.oneOf(issue.values.map((v) => JSON.stringify(v)).join(', '))}${given}`;
    case 'invalid_key':
    case 'invalid_element':
      return issue.issues[0] ? issueMessage(issue.issues[0], language) : words.wrongForm;
    case 'unrecognized_keys':
      return words.unknownField;
    case 'custom':
      return issue.message;
    default:
      return `${words.wrongForm}${given}`;
  }
}

function pathText(path: readonly PropertyKey[], root: string): string {
  return path.length === 0 ? root : path.map(String).join('.');
}

/**
 * zod issues as field problems a person can act on, one per field (an unknown field is named
 * itself). `root` names the whole input when the issue is about it (`(body)`, `(top level)`).
 */
export function fieldProblems(issues: readonly Issue[], language = 'en', root = '(body)'): FieldProblem[] {
  const chosen = wordsLanguage(language);
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pathText([...issue.path, key], root),
          message: WORDS[chosen].unknownField,
        }))
      : [{ path: pathText(issue.path, root), message: issueMessage(issue, chosen) }],
  );
}

/** "bases must list at least one base key…" / "bases: нужно указать…": one problem as a sentence. */
export function problemSentence(problem: FieldProblem, language = 'en'): string {
  return WORDS[wordsLanguage(language)].sentence(problem.path, problem.message);
}

/** "The request has 2 problems: a …; b …." */
export function problemsSummary(problems: readonly FieldProblem[], language = 'en'): string {
  const sentences = problems.map((problem) => problemSentence(problem, language)).join('; ');
  return WORDS[wordsLanguage(language)].summary(problems.length, sentences);
}
