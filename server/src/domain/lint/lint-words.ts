/**
 * Per-language word lists for the message lint. Kept apart from the rules so a translator can extend
 * them without reading code. Terms match whole words, case-insensitively; a term with a space
 * matches the phrase.
 */
export interface LintWords {
  /** Technical words that belong behind "details", not in the main text (docs/voice.md rule 2). */
  jargon: readonly string[];
  /** Word stems that mark an apology; more than one occurrence is a repeated apology (rule 7). */
  apologyStems: readonly string[];
  /** Word stems that say when ("after", "until", "minutes", "tomorrow") (rule 3). */
  timeStems: readonly string[];
}

/** Terms that are jargon in every language: people paste them from logs as they are. */
const UNIVERSAL_JARGON = [
  'timeout',
  'time-out',
  'sdbl',
  'exception',
  'stack trace',
  'stacktrace',
  'rphost',
  'ragent',
  'rmngr',
  'dbms',
  'sql',
  'tcp',
  'tcp/ip',
  'dns',
  'http 500',
  'http 502',
  'http 503',
  'error 500',
  'null',
  'segfault',
  'deadlock',
];

export const LINT_WORDS: Readonly<Record<'ru' | 'en' | 'lv', LintWords>> = {
  ru: {
    jargon: [
      ...UNIVERSAL_JARGON,
      'сервер субд',
      'субд',
      'таймаут',
      'тайм-аут',
      'исключение',
      'стек вызовов',
      'кластер',
      'рабочий процесс',
      'менеджер кластера',
      'блокировка таблиц',
      'взаимоблокировка',
      'дедлок',
      'сеансовые данные',
      'ошибка соединения с сервером 1с:предприятия',
    ],
    apologyStems: ['извин', 'просим прощения', 'простите', 'прошу прощения', 'сожалени'],
    timeStems: [
      'после',
      'до ',
      'через',
      'минут',
      'час',
      'сегодня',
      'завтра',
      'утр',
      'вечер',
      'обновим',
      'сообщим',
      'следующ',
    ],
  },
  en: {
    jargon: [...UNIVERSAL_JARGON, 'database server', 'cluster', 'worker process', 'deadlocked', 'socket'],
    apologyStems: ['sorry', 'apolog', 'excuse us', 'forgive'],
    timeStems: [
      'until',
      'after',
      'by ',
      'within',
      'minute',
      'hour',
      'today',
      'tomorrow',
      'tonight',
      'morning',
      'evening',
      'next update',
      'we will update',
    ],
  },
  lv: {
    jargon: [
      ...UNIVERSAL_JARGON,
      'dbvs',
      'datubāzes serveris',
      'taimauts',
      'izņēmums',
      'klasteris',
      'darba process',
    ],
    apologyStems: ['atvainoj', 'piedod', 'piedodiet', 'žēl'],
    timeStems: [
      'līdz',
      'pēc',
      'minūt',
      'stund',
      'šodien',
      'rīt',
      'vakar',
      'nākam',
      'informēsim',
      'paziņosim',
    ],
  },
};

/** Short capitals that are not shouting: zones, acronyms users know. */
export const ALLOWED_CAPITALS: ReadonlySet<string> = new Set([
  'МСК',
  'MSK',
  'UTC',
  'GMT',
  'EET',
  'EEST',
  'CET',
  'CEST',
  'VPN',
  'URL',
  'SMS',
  'HTTPS',
  'HTTP',
  'IT',
  'IP',
  'ID',
  'OK',
  'PDF',
  'ERP',
  'ЗУП',
  'УТ',
  'КА',
  'ИТ',
  'ПО',
]);
