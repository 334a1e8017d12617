import type { PageLanguage } from '../../../contract/page-languages.ts';
import type { FailureKind } from '../failure.ts';

/** Every word of the offline page, per docs/voice.md: acknowledge, plain words, say when, say what to do. */
export interface OfflineTexts {
  readonly title: (baseName: string | undefined) => string;
  readonly lead: Readonly<Record<FailureKind, string>>;
  readonly autoReturn: string;
  readonly until: (time: string) => string;
  /** The deadline on the reader's own clock, under the deadline line. */
  readonly yourTime: (time: string) => string;
  readonly asOf: (time: string) => string;
  readonly needHelp: string;
  readonly retryNow: string;
  readonly checking: string;
  readonly nextAttempt: (seconds: number) => string;
  readonly showDetails: string;
  readonly detailWhat: string;
  readonly detailWhen: string;
  readonly detailAddress: string;
  readonly detailStatus: string;
  readonly kind: (
    kind: FailureKind,
    status: number | undefined,
    timeoutSeconds: number | undefined,
  ) => string;
}

const RU: OfflineTexts = {
  title: (base) => `Не удаётся подключиться к ${base ?? '1С'}`,
  lead: {
    refused: 'Сервер 1С сейчас недоступен. Это не связано с вашим компьютером.',
    timeout: 'Сервер 1С сейчас отвечает слишком долго. Это не связано с вашим компьютером.',
    'server-error':
      'На сервере 1С сбой, и он временно не принимает подключения. Это не связано с вашим компьютером.',
  },
  autoReturn: 'Мы сами проверяем связь и вернём вас на страницу, как только сервер ответит.',
  until: (time) => `Ориентировочно до ${time}`,
  yourTime: (time) => `${time} по вашему времени`,
  asOf: (time) => `Последнее известное сообщение, по состоянию на ${time}`,
  needHelp: 'Нужна помощь',
  retryNow: 'Повторить сейчас',
  checking: 'Проверяем связь…',
  nextAttempt: (seconds) => `Следующая попытка через ${seconds} с`,
  showDetails: 'Показать подробности…',
  detailWhat: 'Что произошло',
  detailWhen: 'Когда',
  detailAddress: 'Адрес',
  detailStatus: 'Ответ сервера (HTTP)',
  kind: (kind, status, timeout) =>
    kind === 'refused'
      ? 'Не удалось подключиться к серверу'
      : kind === 'timeout'
        ? `Нет ответа за ${timeout ?? '?'} с`
        : `Ошибка сервера (HTTP ${status ?? '?'})`,
};

const EN: OfflineTexts = {
  title: (base) => `Cannot connect to ${base ?? '1C'}`,
  lead: {
    refused: 'The 1C server is not available right now. Nothing is wrong with your computer.',
    timeout: 'The 1C server is taking too long to answer. Nothing is wrong with your computer.',
    'server-error':
      'The 1C server has a problem and is not accepting connections for now. Nothing is wrong with your computer.',
  },
  autoReturn: 'We keep checking and will take you back to the page as soon as the server answers.',
  until: (time) => `Expected until ${time}`,
  yourTime: (time) => `${time} your time`,
  asOf: (time) => `Last known message, as of ${time}`,
  needHelp: 'Need help',
  retryNow: 'Try again now',
  checking: 'Checking the connection…',
  nextAttempt: (seconds) => `Next attempt in ${seconds} s`,
  showDetails: 'Show details…',
  detailWhat: 'What happened',
  detailWhen: 'When',
  detailAddress: 'Address',
  detailStatus: 'Server answer (HTTP)',
  kind: (kind, status, timeout) =>
    kind === 'refused'
      ? 'Could not connect to the server'
      : kind === 'timeout'
        ? `No answer within ${timeout ?? '?'} s`
        : `Server error (HTTP ${status ?? '?'})`,
};

const LV: OfflineTexts = {
  title: (base) => `Neizdodas savienoties ar ${base ?? '1C'}`,
  lead: {
    refused: '1C serveris pašlaik nav pieejams. Ar jūsu datoru viss ir kārtībā.',
    timeout: '1C serveris pašlaik atbild pārāk ilgi. Ar jūsu datoru viss ir kārtībā.',
    'server-error':
      '1C serverī ir kļūme, un tas īslaicīgi nepieņem savienojumus. Ar jūsu datoru viss ir kārtībā.',
  },
  autoReturn: 'Mēs paši pārbaudām savienojumu un atgriezīsim jūs lapā, tiklīdz serveris atbildēs.',
  until: (time) => `Paredzams līdz ${time}`,
  yourTime: (time) => `${time} pēc jūsu laika`,
  asOf: (time) => `Pēdējais zināmais paziņojums, stāvoklis uz ${time}`,
  needHelp: 'Nepieciešama palīdzība',
  retryNow: 'Mēģināt vēlreiz tagad',
  checking: 'Pārbaudām savienojumu…',
  nextAttempt: (seconds) => `Nākamais mēģinājums pēc ${seconds} s`,
  showDetails: 'Rādīt detaļas…',
  detailWhat: 'Kas notika',
  detailWhen: 'Kad',
  detailAddress: 'Adrese',
  detailStatus: 'Servera atbilde (HTTP)',
  kind: (kind, status, timeout) =>
    kind === 'refused'
      ? 'Neizdevās savienoties ar serveri'
      : kind === 'timeout'
        ? `Nav atbildes ${timeout ?? '?'} s laikā`
        : `Servera kļūda (HTTP ${status ?? '?'})`,
};

export const OFFLINE_TEXTS: Readonly<Record<PageLanguage, OfflineTexts>> = { ru: RU, en: EN, lv: LV };
