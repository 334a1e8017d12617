import type { SwConfig } from '../../../contract/kit-config.ts';
import {
  formatNear,
  formatZoned,
  formatZonedDateTime,
  zoneOfOffset,
  zonesDiffer,
} from '../../../contract/local-time.ts';
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
  /** The deadline in the service's zone, labelled. */
  readonly deadline?: string;
  /** The same deadline on the reader's clock, when it shows a different time. */
  readonly deadlineLocal?: string;
  readonly asOf?: string;
  readonly helpText?: string;
  /** Only ever an http(s) URL. */
  readonly helpURL?: string;
  readonly needHelp: string;
  readonly retryNow: string;
  readonly showDetails: string;
  readonly details: ReadonlyArray<readonly [label: string, value: string]>;
}

/**
 * The zone the page shows times in: the service's (the kit's `timeZone`), else the zone the deadline's
 * own offset names (so the page and the message's `{until}` agree), else the reader's.
 */
export function pageZone(config: SwConfig, displayUntil: string | undefined, readerZone: string): string {
  return config.timeZone ?? (displayUntil && zoneOfOffset(displayUntil)) ?? readerZone;
}

/** "Ориентировочно до 17:19 МСК", and "16:19 по вашему времени" when the reader's clock differs. */
function deadlineLines(
  displayUntil: string,
  zone: string,
  readerZone: string | undefined,
  language: PageLanguage,
  now: number,
): Pick<OfflineView, 'deadline' | 'deadlineLocal'> {
  const texts = OFFLINE_TEXTS[language];
  const until = Date.parse(displayUntil);
  const deadline = texts.until(formatZoned(until, zone, language, now));
  if (!readerZone || !zonesDiffer(until, zone, readerZone)) return { deadline };
  return { deadline, deadlineLocal: texts.yourTime(formatNear(until, readerZone, language, now)) };
}

function detailRows(failure: Failure, zone: string, language: PageLanguage): OfflineView['details'] {
  const texts = OFFLINE_TEXTS[language];
  const rows: Array<readonly [string, string]> = [
    [texts.detailWhat, texts.kind(failure.kind, failure.status, failure.timeoutSeconds)],
    [texts.detailWhen, formatZonedDateTime(Date.parse(failure.at), zone, language)],
    [texts.detailAddress, failure.url],
  ];
  if (failure.status !== undefined) rows.push([texts.detailStatus, String(failure.status)]);
  return rows;
}

/**
 * The page's words for this moment. `readerZone` is the browser's zone: the page script knows it, a
 * server rendering the page does not (the script then adds the reader's time on load).
 */
export function buildOfflineView(
  state: OfflinePageState,
  shown: ShownStatus | undefined,
  language: PageLanguage,
  now: number,
  readerZone?: string,
): OfflineView {
  const texts = OFFLINE_TEXTS[language];
  const { config, failure } = state;
  const zone = pageZone(config, shown?.displayUntil, readerZone ?? 'UTC');
  const helpText = shown?.helpText ?? pickLocalized(config.helpText, language, config.defaultLanguage);
  const helpURL = [shown?.helpURL, config.helpURL].find(isHttpURL);
  const message = shown?.userMessage;
  return {
    language,
    title: texts.title(config.baseName),
    lead: texts.lead[failure.kind],
    autoReturn: texts.autoReturn,
    ...(message ? { userMessage: message } : {}),
    ...(message && shown?.displayUntil
      ? deadlineLines(shown.displayUntil, zone, readerZone, language, now)
      : {}),
    ...(message && shown?.asOf
      ? { asOf: texts.asOf(formatZoned(Date.parse(shown.asOf), zone, language, now)) }
      : {}),
    ...(helpText ? { helpText } : {}),
    ...(helpURL ? { helpURL } : {}),
    needHelp: texts.needHelp,
    retryNow: texts.retryNow,
    showDetails: texts.showDetails,
    details: detailRows(failure, zone, language),
  };
}
