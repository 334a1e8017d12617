import { formatZonedDateTime } from '../../../../contract/local-time.ts';
import { isPageLanguage, type PageLanguage } from '../../../../contract/page-languages.ts';
import type { Settings } from '../../../../contract/settings.ts';
import { ALL_BASES } from '../active-message.ts';
import { renderMessageText } from '../startup-error-body.ts';
import type { NotificationEvent } from './notification-event.ts';

/** A notification as people read it: a subject line (mail subject, first line) and the body. */
export interface NotificationText {
  subject: string;
  body: string;
}

interface Words {
  start: string;
  change: string;
  end: string;
  down: (name: string) => string;
  up: (name: string) => string;
  severity: Record<'outage' | 'maintenance' | 'info', string>;
  allBases: string;
  bases: string;
  shown: string;
  downSince: (since: string, problem: string) => string;
  posted: string;
  suppressed: string;
  notPosted: string;
  upAgain: (minutes: number) => string;
}

const WORDS: Record<PageLanguage, Words> = {
  ru: {
    start: 'Пользователям 1С показано сообщение',
    change: 'Сообщение для пользователей 1С изменено',
    end: 'Сообщение для пользователей 1С снято',
    down: (name) => `Не отвечает: ${name}`,
    up: (name) => `Снова отвечает: ${name}`,
    severity: { outage: 'сбой', maintenance: 'плановые работы', info: 'информация' },
    allBases: 'все базы',
    bases: 'Базы',
    shown: 'Показывается',
    downSince: (since, problem) => `Не отвечает с ${since}: ${problem}.`,
    posted: 'Пользователи видят сообщение о сбое.',
    suppressed: 'Идут плановые работы, поэтому сообщение о сбое не показано.',
    notPosted: 'Сообщение о сбое пока не показано: сервис попробует снова при следующей проверке.',
    upAgain: (minutes) => `Снова отвечает. Перерыв длился около ${minutes} мин.`,
  },
  en: {
    start: 'A message is now shown to 1C users',
    change: 'The message for 1C users was changed',
    end: 'The message for 1C users has ended',
    down: (name) => `Not answering: ${name}`,
    up: (name) => `Answering again: ${name}`,
    severity: { outage: 'outage', maintenance: 'planned maintenance', info: 'information' },
    allBases: 'all bases',
    bases: 'Bases',
    shown: 'Shown',
    downSince: (since, problem) => `Not answering since ${since}: ${problem}.`,
    posted: 'Users see an outage message.',
    suppressed: 'Maintenance is under way, so no outage message was shown.',
    notPosted: 'No outage message is shown yet: the service tries again at the next probe.',
    upAgain: (minutes) => `Answering again. The break lasted about ${minutes} min.`,
  },
  lv: {
    start: '1C lietotājiem tiek rādīts paziņojums',
    change: 'Paziņojums 1C lietotājiem ir mainīts',
    end: 'Paziņojums 1C lietotājiem ir noņemts',
    down: (name) => `Neatbild: ${name}`,
    up: (name) => `Atkal atbild: ${name}`,
    severity: { outage: 'traucējums', maintenance: 'plānoti darbi', info: 'informācija' },
    allBases: 'visas bāzes',
    bases: 'Bāzes',
    shown: 'Rāda',
    downSince: (since, problem) => `Neatbild kopš ${since}: ${problem}.`,
    posted: 'Lietotāji redz paziņojumu par traucējumu.',
    suppressed: 'Notiek plānoti darbi, tāpēc paziņojums par traucējumu netika rādīts.',
    notPosted: 'Paziņojums par traucējumu vēl netiek rādīts: serviss mēģinās vēlreiz nākamajā pārbaudē.',
    upAgain: (minutes) => `Atkal atbild. Pārtraukums ilga apmēram ${minutes} min.`,
  },
};

function wordsFor(language: string): Words {
  const primary = language.split('-')[0]?.toLowerCase() ?? '';
  return WORDS[isPageLanguage(primary) ? primary : 'en'];
}

function baseNames(bases: readonly string[], settings: Settings, words: Words): string {
  if (bases.includes(ALL_BASES)) return words.allBases;
  return bases
    .map((key) => (Object.hasOwn(settings.bases, key) ? settings.bases[key]?.name : undefined) ?? key)
    .join(', ');
}

/** The notification for `event` in `language`; times in the settings' zone, texts as users see them. */
export function notificationText(
  event: NotificationEvent,
  language: string,
  settings: Settings,
): NotificationText {
  const words = wordsFor(language);
  const zone = settings.timeZone;
  const when = (ms: number) => formatZonedDateTime(ms, zone, language);
  const bases = `${words.bases}: ${baseNames(event.bases, settings, words)}`;
  if ('message' in event) {
    const m = event.message;
    const text = renderMessageText(m, settings, language)?.text ?? '';
    const subject = `${event.kind === 'message.start' ? words.start : event.kind === 'message.change' ? words.change : words.end} (${words.severity[m.severity]})`;
    const period = `${words.shown}: ${when(Date.parse(m.startsAt))} — ${when(Date.parse(m.displayUntil))}`;
    return { subject, body: [text, bases, period].join('\n') };
  }
  const d = event.monitor;
  if (event.kind === 'monitor.down') {
    const next = d.suppressed ? words.suppressed : d.messageId ? words.posted : words.notPosted;
    return {
      subject: words.down(d.name),
      body: [words.downSince(when(d.since), d.problem ?? '—'), `${d.kind} ${d.target}`, bases, next].join(
        '\n',
      ),
    };
  }
  const minutes = Math.max(1, Math.round((d.since - (d.downSince ?? d.since)) / 60_000));
  return {
    subject: words.up(d.name),
    body: [words.upAgain(minutes), `${d.kind} ${d.target}`, bases].join('\n'),
  };
}

const TEST_NOTICE: Record<PageLanguage, NotificationText> = {
  ru: {
    subject: 'Проверка канала startup-help',
    body: 'Канал работает: сюда придут сообщения о сбоях и плановых работах 1С.',
  },
  en: {
    subject: 'startup-help channel test',
    body: 'The channel works: notices about 1C outages and maintenance will arrive here.',
  },
  lv: {
    subject: 'startup-help kanāla pārbaude',
    body: 'Kanāls darbojas: šeit pienāks ziņas par 1C traucējumiem un plānotiem darbiem.',
  },
};

/** The notice an administrator sends to try a channel. */
export function testNotice(language: string): NotificationText {
  const primary = language.split('-')[0]?.toLowerCase() ?? '';
  return TEST_NOTICE[isPageLanguage(primary) ? primary : 'en'];
}
