import type { PageLanguage } from '../../../contract/page-languages.ts';

type BusyProblem = { reason: 'busy'; file: string; seconds: number };
type FileProblem = { reason: 'full' | 'read-only' | 'disk' | 'failed'; file: string };
type D1Problem = { reason: 'd1'; detail: string };

/** Why the store could not do what was asked, as the API explains it to an administrator. */
export type StoreProblem = BusyProblem | FileProblem | D1Problem;

type Words = { busy: (p: BusyProblem) => string; d1: (p: D1Problem) => string } & {
  [R in FileProblem['reason']]: (p: FileProblem) => string;
};

const WORDS: Record<PageLanguage, { lead: string; what: Words }> = {
  en: {
    lead: 'Could not use the database: ',
    what: {
      busy: (p) =>
        `another process kept ${p.file} locked for more than ${p.seconds} s (another startup-help process, a backup or an sqlite3 shell in a transaction). Nothing was changed; try again.`,
      full: (p) =>
        `the disk holding ${p.file} is full. Nothing was changed; free some space, then try again.`,
      'read-only': (p) =>
        `the service may not write ${p.file} or its directory. Nothing was changed; check the permissions of the data directory (the service user must be able to write it), then try again.`,
      disk: (p) =>
        `the disk failed while writing ${p.file}. Nothing was changed; check the disk and free space, then try again.`,
      failed: (p) =>
        `${p.file} failed. Nothing was changed; try again, and if it keeps failing, check the log and the disk.`,
      d1: (p) =>
        `the D1 database failed: ${p.detail}. Check that the DB binding points at the database and that its migrations are applied (npx wrangler d1 migrations apply DB --remote).`,
    },
  },
  ru: {
    lead: 'Не удалось обратиться к базе данных: ',
    what: {
      busy: (p) =>
        `другой процесс держал ${p.file} занятым дольше ${p.seconds} с (другой процесс startup-help, резервное копирование или sqlite3 с открытой транзакцией). Ничего не изменено; попробуйте ещё раз.`,
      full: (p) =>
        `диск, на котором лежит ${p.file}, заполнен. Ничего не изменено; освободите место и попробуйте ещё раз.`,
      'read-only': (p) =>
        `службе нельзя записывать ${p.file} или его папку. Ничего не изменено; проверьте права на папку данных (пользователь службы должен иметь право записи) и попробуйте ещё раз.`,
      disk: (p) =>
        `при записи ${p.file} произошёл сбой диска. Ничего не изменено; проверьте диск и свободное место и попробуйте ещё раз.`,
      failed: (p) =>
        `сбой при работе с ${p.file}. Ничего не изменено; попробуйте ещё раз, а если ошибка повторяется, посмотрите журнал и проверьте диск.`,
      d1: (p) =>
        `база данных D1 не ответила: ${p.detail}. Проверьте, что привязка DB указывает на эту базу и что миграции применены (npx wrangler d1 migrations apply DB --remote).`,
    },
  },
  lv: {
    lead: 'Neizdevās piekļūt datubāzei: ',
    what: {
      busy: (p) =>
        `cits process turēja ${p.file} aizņemtu ilgāk par ${p.seconds} s (cits startup-help process, rezerves kopēšana vai sqlite3 ar atvērtu transakciju). Nekas netika mainīts; mēģiniet vēlreiz.`,
      full: (p) =>
        `disks, kurā atrodas ${p.file}, ir pilns. Nekas netika mainīts; atbrīvojiet vietu un mēģiniet vēlreiz.`,
      'read-only': (p) =>
        `pakalpojumam nav atļauts rakstīt ${p.file} vai tā mapē. Nekas netika mainīts; pārbaudiet datu mapes atļaujas (pakalpojuma lietotājam tajā jāvar rakstīt) un mēģiniet vēlreiz.`,
      disk: (p) =>
        `rakstot ${p.file}, radās diska kļūme. Nekas netika mainīts; pārbaudiet disku un brīvo vietu un mēģiniet vēlreiz.`,
      failed: (p) =>
        `kļūda, strādājot ar ${p.file}. Nekas netika mainīts; mēģiniet vēlreiz, un, ja kļūda atkārtojas, skatiet žurnālu un pārbaudiet disku.`,
      d1: (p) =>
        `D1 datubāze neatbildēja: ${p.detail}. Pārbaudiet, vai saistījums DB norāda uz šo datubāzi un vai migrācijas ir piemērotas (npx wrangler d1 migrations apply DB --remote).`,
    },
  },
};

/** The whole refusal, in `language`: what failed, that nothing changed, what to do. */
export function storeProblemWords(problem: StoreProblem, language: PageLanguage): string {
  const { lead, what } = WORDS[language];
  const explain = what[problem.reason] as (p: StoreProblem) => string;
  return lead + explain(problem);
}
