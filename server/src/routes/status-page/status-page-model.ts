import { formatZonedDateTime, zoneLabel } from '../../../../contract/local-time.ts';
import type { Message, Severity } from '../../../../contract/message.ts';
import type { Settings } from '../../../../contract/settings.ts';
import type { BaseStatus } from '../../../../contract/status.ts';
import { ALL_BASES, targetsBase } from '../../domain/active-message.ts';
import type { MonitorOverview } from '../../domain/monitors/monitor-bars.ts';
import { renderMessageText } from '../../domain/startup-error-body.ts';
import { buildStatusView } from '../../domain/status-view.ts';
import type { EndedPage } from '../../store/store.ts';

export const PAST_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** The name the administrator gave a base, or its key when it has none. */
export function baseNameOf(settings: Settings, key: string): string {
  return (Object.hasOwn(settings.bases, key) ? settings.bases[key]?.name : undefined) ?? key;
}

export interface PastMessage {
  id: string;
  severity: Severity;
  userMessage: string;
  startsAtLocal: string;
  displayUntilLocal: string;
  /** Names of the bases it was shown for (empty = every base). */
  baseNames: string[];
}

export interface StatusPageModel {
  /** The language the page chrome and texts are in. */
  language: string;
  timeZone: string;
  /** How times on the page name the zone now, without parentheses: "МСК", "UTC+2". */
  zoneLabel: string;
  generatedAtLocal: string;
  /** Set on `/status/<baseKey>`. */
  baseKey?: string;
  bases: BaseStatus[];
  past: PastMessage[];
  /** Cursor of the next (older) page of the history, when there is one. */
  older?: string;
  /** Set when this page is not the first page of the history. */
  paged?: boolean;
}

export interface StatusPageInput {
  settings: Settings;
  messages: readonly Message[];
  t: number;
  language: string;
  baseKey?: string | undefined;
  /** The monitors and their recent probes, when the service runs them. */
  monitors?: MonitorOverview | undefined;
  /**
   * The history page to show (messages that ended, newest first, from the store). Absent: the ended
   * messages among `messages` (the console's preview, which holds everything in memory).
   */
  ended?: EndedPage | undefined;
  /** The history page shown is not the first one. */
  paged?: boolean | undefined;
}

/**
 * What the status page shows at time `t`: per base the current state, active and upcoming messages
 * (the public status view the API serves), plus the messages that ended in the last 30 days.
 */
export function buildStatusPageModel(input: StatusPageInput): StatusPageModel {
  const { messages, t, language, baseKey } = input;
  // A base users reach before the administrator configured it still gets the messages for all bases.
  const settings =
    baseKey !== undefined && baseKey !== ALL_BASES && !Object.hasOwn(input.settings.bases, baseKey)
      ? { ...input.settings, bases: { ...input.settings.bases, [baseKey]: { name: baseKey } } }
      : input.settings;
  const view = buildStatusView(settings, messages, t, language, input.monitors);
  // With bases configured, each base card already shows the messages for all bases: the "*" card
  // would only repeat them.
  const bases =
    baseKey !== undefined
      ? view.bases.filter((base) => base.key === baseKey)
      : view.bases.length > 1
        ? view.bases.filter((base) => base.key !== ALL_BASES)
        : view.bases;

  const ended =
    input.ended?.messages ??
    messages
      .filter((message) => baseKey === undefined || targetsBase(message, baseKey))
      .filter((message) => {
        const end = Date.parse(message.displayUntil);
        return end <= t && end > t - PAST_WINDOW_MS;
      })
      .sort((a, b) => Date.parse(b.displayUntil) - Date.parse(a.displayUntil));
  const past = ended.map((message): PastMessage => {
    const zone = settings.timeZone;
    const bases: readonly string[] = message.bases;
    return {
      id: message.id,
      severity: message.severity,
      userMessage: renderMessageText(message, settings, language)?.text ?? '',
      startsAtLocal: formatZonedDateTime(Date.parse(message.startsAt), zone, language, t),
      displayUntilLocal: formatZonedDateTime(Date.parse(message.displayUntil), zone, language, t),
      baseNames: bases.includes(ALL_BASES) ? [] : bases.map((key) => baseNameOf(settings, key)),
    };
  });

  return {
    language,
    timeZone: settings.timeZone,
    zoneLabel: zoneLabel(t, settings.timeZone, language).replace(/^\((.*)\)$/, '$1'),
    generatedAtLocal: formatZonedDateTime(t, settings.timeZone, language),
    ...(baseKey !== undefined && { baseKey }),
    bases,
    past,
    ...(input.ended?.next !== undefined && { older: input.ended.next }),
    ...(input.paged && { paged: true }),
  };
}
