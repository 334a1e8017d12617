import { PAGE_LANGUAGES, type PageLanguage } from '../../../../contract/page-languages.ts';
import type { BaseStatus } from '../../../../contract/status.ts';

export interface StatusPageTexts {
  title: string;
  allGood: string;
  someDown: string;
  state: Record<BaseStatus['state'], string>;
  now: string;
  until: string;
  upcoming: string;
  from: string;
  to: string;
  past: string;
  noPast: string;
  /** Link to the next page of the history. */
  older: string;
  /** Link back to the first page of the history. */
  newest: string;
  needHelp: string;
  updated: string;
  timesIn: string;
  feed: string;
  allBasesLink: string;
  language: string;
  notFoundTitle: string;
  notFoundText: string;
  recurring: string;
  alsoAt: string;
  checks: string;
  monitorState: Record<'up' | 'down' | 'unknown', string>;
  uptime: (day: string, week: string) => string;
  lastDay: string;
  lastWeek: string;
  cell: Record<'up' | 'partial' | 'down' | 'none', string>;
  /** Added by the page's script where the reader's clock differs: `{time}` is the reader's time. */
  yourTime: string;
}

/** The status page's own words, per docs/voice.md: calm, plain, the same facts in each language. */
export const STATUS_PAGE_TEXTS: Record<PageLanguage, StatusPageTexts> = {
  ru: {
    title: 'Состояние 1С',
    allGood: 'Всё работает. Сообщений о сбоях и работах нет.',
    someDown: 'Есть сообщения для пользователей. Подробности ниже.',
    state: { ok: 'Работает', info: 'Есть сообщение', maintenance: 'Идут работы', outage: 'Сбой' },
    now: 'Сейчас',
    until: 'До',
    yourTime: '{time} по вашему времени',
    upcoming: 'Запланировано',
    from: 'с',
    to: 'до',
    past: 'Сообщения за последние 30 дней',
    noPast: 'За последние 30 дней сообщений не было.',
    older: 'Более ранние сообщения',
    newest: 'К последним сообщениям',
    needHelp: 'Нужна помощь',
    updated: 'Обновлено',
    timesIn: 'Время указано по часовому поясу',
    feed: 'Лента сообщений (Atom)',
    allBasesLink: 'Все базы',
    language: 'Язык',
    notFoundTitle: 'Страница не найдена',
    notFoundText: 'Такой базы нет. Состояние всех баз — на главной странице.',
    recurring: 'регулярно',
    alsoAt: 'Также',
    checks: 'Автоматические проверки',
    monitorState: { up: 'отвечает', down: 'не отвечает', unknown: 'проверяется' },
    uptime: (day, week) => `доступность: ${day} за сутки, ${week} за неделю`,
    lastDay: 'Последние 24 часа',
    lastWeek: 'Последние 7 дней',
    cell: { up: 'работало', partial: 'были перебои', down: 'не работало', none: 'нет данных' },
  },
  en: {
    title: '1C status',
    allGood: 'Everything is working. There are no outage or maintenance messages.',
    someDown: 'There are messages for users. See the details below.',
    state: { ok: 'Working', info: 'Notice', maintenance: 'Maintenance', outage: 'Outage' },
    now: 'Now',
    until: 'Until',
    yourTime: '{time} your time',
    upcoming: 'Planned',
    from: 'from',
    to: 'to',
    past: 'Messages in the last 30 days',
    noPast: 'There were no messages in the last 30 days.',
    older: 'Older messages',
    newest: 'Back to the latest messages',
    needHelp: 'Get help',
    updated: 'Updated',
    timesIn: 'Times are in the time zone',
    feed: 'Message feed (Atom)',
    allBasesLink: 'All bases',
    language: 'Language',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is no such base. The main page shows the status of every base.',
    recurring: 'recurring',
    alsoAt: 'Also',
    checks: 'Automatic checks',
    monitorState: { up: 'answering', down: 'not answering', unknown: 'being checked' },
    uptime: (day, week) => `available ${day} over 24 hours, ${week} over 7 days`,
    lastDay: 'Last 24 hours',
    lastWeek: 'Last 7 days',
    cell: { up: 'working', partial: 'interruptions', down: 'not working', none: 'no data' },
  },
  lv: {
    title: '1C statuss',
    allGood: 'Viss darbojas. Ziņojumu par traucējumiem vai darbiem nav.',
    someDown: 'Ir ziņojumi lietotājiem. Sīkāk — zemāk.',
    state: { ok: 'Darbojas', info: 'Ir ziņojums', maintenance: 'Notiek darbi', outage: 'Traucējums' },
    now: 'Tagad',
    until: 'Līdz',
    yourTime: '{time} pēc jūsu laika',
    upcoming: 'Plānots',
    from: 'no',
    to: 'līdz',
    past: 'Ziņojumi pēdējās 30 dienās',
    noPast: 'Pēdējās 30 dienās ziņojumu nebija.',
    older: 'Vecāki ziņojumi',
    newest: 'Uz jaunākajiem ziņojumiem',
    needHelp: 'Nepieciešama palīdzība',
    updated: 'Atjaunināts',
    timesIn: 'Laiks norādīts laika joslā',
    feed: 'Ziņojumu plūsma (Atom)',
    allBasesLink: 'Visas bāzes',
    language: 'Valoda',
    notFoundTitle: 'Lapa nav atrasta',
    notFoundText: 'Šādas bāzes nav. Visu bāzu statuss ir galvenajā lapā.',
    recurring: 'regulāri',
    alsoAt: 'Arī',
    checks: 'Automātiskās pārbaudes',
    monitorState: { up: 'atbild', down: 'neatbild', unknown: 'tiek pārbaudīts' },
    uptime: (day, week) => `pieejamība: ${day} diennaktī, ${week} nedēļā`,
    lastDay: 'Pēdējās 24 stundas',
    lastWeek: 'Pēdējās 7 dienas',
    cell: { up: 'darbojās', partial: 'bija traucējumi', down: 'nedarbojās', none: 'nav datu' },
  },
};

export function pageLanguage(language: string): PageLanguage {
  const primary = language.toLowerCase().split('-')[0];
  return PAGE_LANGUAGES.find((tag) => tag === primary) ?? 'en';
}
