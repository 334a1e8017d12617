import { formatZonedDateTime, isoInZone } from '../../../contract/local-time.ts';
import type { Message } from '../../../contract/message.ts';
import type { Settings } from '../../../contract/settings.ts';
import type { BaseStatus, StatusMessage, StatusResponse } from '../../../contract/status.ts';
import { ALL_BASES, activeMessages, compareByPriority, targetsBase } from './active-message.ts';
import { renderMessageText, resolveHelp } from './startup-error-body.ts';

export const UPCOMING_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

const ALL_BASES_NAME: Record<string, string> = { ru: 'Все базы', en: 'All bases', lv: 'Visas bāzes' };

function allBasesName(language: string): string {
  return ALL_BASES_NAME[language.split('-')[0]?.toLowerCase() ?? ''] ?? ALL_BASES_NAME.en ?? '*';
}

/** One message as the public sees it at `t`: times in the service's zone, labelled. */
function statusMessage(message: Message, settings: Settings, language: string, t: number): StatusMessage {
  const zone = settings.timeZone;
  const startsAt = Date.parse(message.startsAt);
  const displayUntil = Date.parse(message.displayUntil);
  return {
    id: message.id,
    severity: message.severity,
    userMessage: renderMessageText(message, settings, language)?.text ?? '',
    startsAt: isoInZone(startsAt, zone),
    displayUntil: isoInZone(displayUntil, zone),
    startsAtLocal: formatZonedDateTime(startsAt, zone, language, t),
    displayUntilLocal: formatZonedDateTime(displayUntil, zone, language, t),
  };
}

/**
 * Base keys in display order: `*`, the configured bases, then bases only current or coming messages
 * mention (a base named by a message that ended long ago is not news).
 */
export function knownBaseKeys(settings: Settings, messages: readonly Message[], t: number): string[] {
  const keys = new Set<string>([ALL_BASES, ...Object.keys(settings.bases)]);
  for (const message of messages) {
    if (Date.parse(message.displayUntil) > t) for (const key of message.bases) keys.add(key);
  }
  return [...keys];
}

/** `GET /api/status`: per base, what is shown now and what starts within 7 days. */
export function buildStatusView(
  settings: Settings,
  messages: readonly Message[],
  t: number,
  language: string,
): StatusResponse {
  const horizon = t + UPCOMING_WINDOW_MS;
  const bases: BaseStatus[] = knownBaseKeys(settings, messages, t).map((key) => {
    const active = activeMessages(messages, key, t);
    const upcoming = messages
      .filter((m) => targetsBase(m, key) && Date.parse(m.startsAt) > t && Date.parse(m.startsAt) <= horizon)
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || compareByPriority(a, b));
    const help = resolveHelp(settings, key, language);
    const configured = Object.hasOwn(settings.bases, key) ? settings.bases[key] : undefined;
    return {
      key,
      name: key === ALL_BASES ? allBasesName(language) : (configured?.name ?? key),
      state: active[0]?.severity ?? 'ok',
      ...(help.helpText && { helpText: help.helpText.text }),
      ...(help.helpURL && { helpURL: help.helpURL }),
      active: active.map((m) => statusMessage(m, settings, language, t)),
      upcoming: upcoming.map((m) => statusMessage(m, settings, language, t)),
    };
  });
  return { generatedAt: isoInZone(t, settings.timeZone), language, timeZone: settings.timeZone, bases };
}
