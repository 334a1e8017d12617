import type { SwConfig } from '../../../contract/kit-config.ts';
import type { PageLanguage } from '../../../contract/page-languages.ts';
import type { StartupErrorResponse } from '../../../contract/startup-error-response.ts';
import type { Failure } from '../failure.ts';
import { pickLocalized } from '../language.ts';
import { isHttpURL, type ShownStatus } from '../shown-status.ts';
import { OFFLINE_TEXTS } from './texts.ts';

/** Everything the offline page needs; the service worker or a server serialises it into the page. */
export interface OfflinePageState {
  readonly config: SwConfig;
  readonly failure: Failure;
  /** A status answer the server already knows (proxy mode); shown at once, refreshed by the page. */
  readonly initialStatus?: StartupErrorResponse | undefined;
  /** Forces the page language; without it the page follows the browser's languages. */
  readonly language?: string | undefined;
}

/** The page's texts, already chosen and formatted; inserted as text, never as HTML. */
export interface OfflineView {
  readonly language: PageLanguage;
  readonly title: string;
  readonly lead: string;
  readonly autoReturn: string;
  readonly userMessage?: string;
  readonly deadline?: string;
  readonly asOf?: string;
  readonly helpText?: string;
  /** Only ever an http(s) URL. */
  readonly helpURL?: string;
  readonly needHelp: string;
  readonly retryNow: string;
  readonly showDetails: string;
  readonly details: ReadonlyArray<readonly [label: string, value: string]>;
}

/** A time in the reader's zone: "14:00" today, "24 ноября, 14:00" on another day. */
export function formatLocalTime(iso: string, language: string, now: number, timeZone?: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const zone = timeZone ? { timeZone } : {};
  const day = new Intl.DateTimeFormat(language, {
    ...zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const sameDay = day.format(when) === day.format(new Date(now));
  return new Intl.DateTimeFormat(language, {
    ...zone,
    ...(sameDay ? {} : { day: 'numeric', month: 'long' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(when);
}

export function buildOfflineView(
  state: OfflinePageState,
  shown: ShownStatus | undefined,
  language: PageLanguage,
  now: number,
  timeZone?: string,
): OfflineView {
  const texts = OFFLINE_TEXTS[language];
  const { config, failure } = state;
  const time = (iso: string) => formatLocalTime(iso, language, now, timeZone);
  const helpText = shown?.helpText ?? pickLocalized(config.helpText, language, config.defaultLanguage);
  const helpURL = [shown?.helpURL, config.helpURL].find(isHttpURL);
  const details: Array<readonly [string, string]> = [
    [texts.detailWhat, texts.kind(failure.kind, failure.status, failure.timeoutSeconds)],
    [
      texts.detailWhen,
      new Intl.DateTimeFormat(language, {
        ...(timeZone ? { timeZone } : {}),
        dateStyle: 'short',
        timeStyle: 'medium',
      }).format(new Date(failure.at)),
    ],
    [texts.detailAddress, failure.url],
  ];
  if (failure.status !== undefined) details.push([texts.detailStatus, String(failure.status)]);
  return {
    language,
    title: texts.title(config.baseName),
    lead: texts.lead[failure.kind],
    autoReturn: texts.autoReturn,
    ...(shown?.userMessage ? { userMessage: shown.userMessage } : {}),
    ...(shown?.userMessage && shown.displayUntil ? { deadline: texts.until(time(shown.displayUntil)) } : {}),
    ...(shown?.userMessage && shown.asOf ? { asOf: texts.asOf(time(shown.asOf)) } : {}),
    ...(helpText ? { helpText } : {}),
    ...(helpURL ? { helpURL } : {}),
    needHelp: texts.needHelp,
    retryNow: texts.retryNow,
    showDetails: texts.showDetails,
    details,
  };
}
